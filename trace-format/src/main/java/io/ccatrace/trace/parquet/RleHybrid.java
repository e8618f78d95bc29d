package io.ccatrace.trace.parquet;

import org.apache.parquet.io.ParquetDecodingException;

/**
 * Bulk decoder of Parquet's RLE / bit-packing hybrid (definition and repetition levels,
 * dictionary ids): runs are filled, bit-packed groups of 8 unpacked in a loop, straight
 * into an int array.
 */
final class RleHybrid {
    private RleHybrid() {
    }

    /**
     * Decodes count values of bitWidth bits from buf[pos..end) into out[0..count). Returns
     * the position after the last byte used. Values beyond count in a last bit-packed group
     * are padding and ignored.
     */
    static int decode(byte[] buf, int pos, int end, int bitWidth, int[] out, int count) {
        if (bitWidth < 0 || bitWidth > 32) throw new ParquetDecodingException("bit width " + bitWidth);
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, 0, count, 0);
            return pos;
        }
        int n = 0;
        int bytesPerRun = (bitWidth + 7) >>> 3;
        long mask = (1L << bitWidth) - 1;
        while (n < count) {
            if (pos >= end) throw new ParquetDecodingException("RLE data ends after " + n + " of " + count + " values");
            int header = 0;
            int shift = 0;
            int b;
            do {
                if (pos >= end || shift > 28) throw new ParquetDecodingException("bad RLE run header");
                b = buf[pos++] & 0xFF;
                header |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if ((header & 1) == 0) {
                int run = header >>> 1;
                if (pos + bytesPerRun > end) throw new ParquetDecodingException("RLE run value past the data");
                int v = 0;
                for (int i = 0; i < bytesPerRun; i++) v |= (buf[pos + i] & 0xFF) << (8 * i);
                pos += bytesPerRun;
                int stop = (int) Math.min(count, (long) n + run);
                java.util.Arrays.fill(out, n, stop, v);
                n = stop;
            } else {
                int groups = header >>> 1;
                long bytes = (long) groups * bitWidth;
                if (bytes > end - pos) throw new ParquetDecodingException("bit-packed run past the data");
                int values = groups * 8;
                int stop = (int) Math.min(count, (long) n + values);
                if (bitWidth <= 8 && stop - n == values) {
                    unpack(buf, pos, bitWidth, out, n, groups);
                    pos += (int) bytes;
                    n = stop;
                    continue;
                }
                long acc = 0;
                int bits = 0;
                int p = pos;
                for (int i = n; i < stop; i++) {
                    while (bits < bitWidth) {
                        acc |= (long) (buf[p++] & 0xFF) << bits;
                        bits += 8;
                    }
                    out[i] = (int) (acc & mask);
                    acc >>>= bitWidth;
                    bits -= bitWidth;
                }
                pos += (int) bytes;
                n = stop;
            }
        }
        return pos;
    }

    /** Whole groups of 8 values of at most 8 bits: each group is bitWidth bytes, read as one long. */
    private static void unpack(byte[] buf, int pos, int bitWidth, int[] out, int at, int groups) {
        int mask = (1 << bitWidth) - 1;
        for (int g = 0; g < groups; g++) {
            long w = 0;
            for (int k = 0; k < bitWidth; k++) w |= (long) (buf[pos + k] & 0xFF) << (8 * k);
            pos += bitWidth;
            if (w == 0) {
                java.util.Arrays.fill(out, at, at + 8, 0);
            } else {
                for (int k = 0; k < 8; k++) out[at + k] = (int) (w >>> (k * bitWidth)) & mask;
            }
            at += 8;
        }
    }
}
