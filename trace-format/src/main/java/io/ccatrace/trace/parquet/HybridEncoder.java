package io.ccatrace.trace.parquet;

/**
 * Parquet's RLE / bit-packing hybrid encoding of small non-negative ints (definition and
 * repetition levels, dictionary ids), written straight from an int array: runs of 8 or more
 * equal values become RLE runs, everything else bit-packed groups of 8 (at most 63 groups per
 * run). A literal stretch before a run is completed to a multiple of 8 with values of the run.
 */
final class HybridEncoder {
    private static final int MAX_GROUPS = 63;

    private HybridEncoder() {
    }

    /** Appends the encoding of v[0..n) with the given bit width (1..32) to out. */
    static void encode(int[] v, int n, int bitWidth, PageBytes out) {
        int literal = 0;
        int i = 0;
        while (i < n) {
            int x = v[i];
            int j = i + 1;
            while (j < n && v[j] == x) j++;
            int run = j - i;
            if (run >= 8) {
                int pad = (8 - ((i - literal) & 7)) & 7;
                bitPacked(v, literal, i + pad, bitWidth, out);
                int rest = run - pad;
                if (rest > 0) {
                    out.varint((long) rest << 1);
                    out.intBytes(x, (bitWidth + 7) >>> 3);
                }
                literal = j;
            }
            i = j;
        }
        bitPacked(v, literal, n, bitWidth, out);
    }

    /** v[from..to) as bit-packed runs; a last partial group is padded with zeros. */
    private static void bitPacked(int[] v, int from, int to, int bitWidth, PageBytes out) {
        while (from < to) {
            int groups = Math.min(MAX_GROUPS, (to - from + 7) >>> 3);
            out.varint(((long) groups << 1) | 1);
            int end = from + 8 * groups;
            int full = Math.min(end, from + ((to - from) & ~7));
            if ((bitWidth & 7) == 0) {
                wholeBytes(v, from, full, bitWidth >>> 3, out);
            } else if (bitWidth < 8) {
                for (int k = from; k < full; k += 8) {
                    long g = 0;
                    for (int j = 0; j < 8; j++) g |= (long) (v[k + j] & 0xFF) << (j * bitWidth);
                    out.longBytes(g, bitWidth);
                }
            } else {
                full = from;
            }
            long acc = 0;
            int bits = 0;
            for (int k = full; k < end; k++) {
                long x = k < to ? (v[k] & 0xFFFFFFFFL) : 0;
                acc |= x << bits;
                bits += bitWidth;
                while (bits >= 8) {
                    out.u8((int) acc);
                    acc >>>= 8;
                    bits -= 8;
                }
            }
            from = Math.min(to, end);
        }
    }

    /** v[from..to) as little-endian values of 1, 2, 3 or 4 bytes each. */
    private static void wholeBytes(int[] v, int from, int to, int bytes, PageBytes out) {
        out.room((to - from) * bytes);
        byte[] b = out.array();
        int at = out.size();
        if (bytes == 1) {
            for (int k = from; k < to; k++) b[at++] = (byte) v[k];
        } else if (bytes == 2) {
            for (int k = from; k < to; k++, at += 2) {
                int x = v[k];
                b[at] = (byte) x;
                b[at + 1] = (byte) (x >>> 8);
            }
        } else {
            for (int k = from; k < to; k++) {
                int x = v[k];
                for (int j = 0; j < bytes; j++) b[at++] = (byte) (x >>> (8 * j));
            }
        }
        out.advance(at - out.size());
    }

    /**
     * Appends the encoding of n one-bit levels given as bits (value i at bit i of word i / 64):
     * bit-packed runs only, i.e. the bitmap's bytes (their bit order is Parquet's) under a run
     * header every 63 bytes; a last partial byte is padded with zeros. No RLE runs: ZSTD
     * compresses the plain bitmap better than a mix of runs and literals (a recorded multi-realm
     * trace 1.2% smaller in total, measured in session 4), and copying is cheaper than finding runs.
     */
    static void encodeBits(long[] bits, int n, PageBytes out) {
        packedGroups(bits, 0, (n + 7) >>> 3, out);
    }

    /** Bytes [from, to) of the bit array as bit-packed runs of at most 63 groups. */
    private static void packedGroups(long[] bits, int from, int to, PageBytes out) {
        while (from < to) {
            int k = Math.min(MAX_GROUPS, to - from);
            out.varint(((long) k << 1) | 1);
            out.room(k);
            byte[] b = out.array();
            int at = out.size();
            for (int g = from; g < from + k; g++) b[at++] = (byte) (bits[g >>> 3] >>> ((g & 7) << 3));
            out.advance(k);
            from += k;
        }
    }

    /**
     * The bit width written for dictionary ids up to max: the bits needed up to 8, else a whole
     * number of bytes, so that ZSTD sees the ids of large dictionaries (addresses, registers) as
     * bytes that repeat (measured on a recorded multi-realm trace: pa, ipa, rec and args
     * 10-25% smaller; for small dictionaries, packing to fewer bits is smaller).
     */
    static int idWidth(int max) {
        int w = bitWidth(max);
        return w <= 8 ? w : (w + 7) & ~7;
    }

    /** Bits needed for values up to max (at least 1, as Parquet readers expect for levels). */
    static int bitWidth(int max) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
    }
}
