package io.ccatrace.trace.parquet;

/**
 * Parquet's DELTA_BINARY_PACKED encoding of int64 values (seq, time, cause_seq), written
 * straight from a long array: a header (block size 128, 4 miniblocks of 32, the value count,
 * the first value as a zigzag varint), then per block of 128 deltas the minimum delta
 * (zigzag varint), one bit width per miniblock and the miniblocks of (delta - minimum)
 * bit-packed little-endian. The last miniblock is padded with zeros; miniblocks after the
 * last value get width 0 and no bytes, as readers expect.
 */
final class DeltaEncoder {
    static final int BLOCK = 128;
    static final int MINIBLOCKS = 4;
    static final int MINI = BLOCK / MINIBLOCKS;

    private final long[] deltas = new long[BLOCK];
    private final boolean wholeBytes;

    DeltaEncoder() {
        this(false);
    }

    /**
     * @param wholeBytes whether each miniblock's bit width is rounded up to a whole number of
     *                   bytes (any width is valid): time's deltas are a few fixed costs, which
     *                   ZSTD then finds as repeated bytes (recorded multi-realm: time 0.19 to
     *                   0.17 bytes/event); cause_seq's mostly-zero deltas pack smaller unrounded
     */
    DeltaEncoder(boolean wholeBytes) {
        this.wholeBytes = wholeBytes;
    }

    /** Appends the encoding of v[0..n) to out. */
    void encode(long[] v, int n, PageBytes out) {
        out.varint(BLOCK);
        out.varint(MINIBLOCKS);
        out.varint(n);
        out.varint(zigzag(n > 0 ? v[0] : 0));
        for (int start = 1; start < n; start += BLOCK) {
            int count = Math.min(BLOCK, n - start);
            long min = Long.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                long d = v[start + i] - v[start + i - 1];
                deltas[i] = d;
                if (d < min) min = d;
            }
            out.varint(zigzag(min));
            int used = (count + MINI - 1) / MINI;
            int widthsAt = out.size();
            for (int m = 0; m < MINIBLOCKS; m++) out.u8(0);
            for (int m = 0; m < used; m++) {
                int from = m * MINI;
                int to = Math.min(count, from + MINI);
                long or = 0;
                for (int i = from; i < to; i++) {
                    deltas[i] -= min;
                    or |= deltas[i];
                }
                for (int i = to; i < from + MINI; i++) deltas[i] = 0;
                int width = 64 - Long.numberOfLeadingZeros(or);
                if (wholeBytes) width = (width + 7) & ~7;
                out.array()[widthsAt + m] = (byte) width;
                pack(deltas, from, width, out);
            }
        }
    }

    /** MINI values of width bits from d[from..], little-endian bit order. */
    private static void pack(long[] d, int from, int width, PageBytes out) {
        if (width == 0) return;
        long acc = 0;
        int bits = 0;
        for (int i = from; i < from + MINI; i++) {
            long x = d[i];
            acc |= x << bits;
            int total = bits + width;
            if (total >= 64) {
                out.longBytes(acc, 8);
                acc = bits == 0 ? 0 : x >>> (64 - bits);
                total -= 64;
            }
            bits = total;
        }
        out.longBytes(acc, bits >>> 3);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
