package io.ccatrace.trace.parquet;

import org.apache.parquet.io.ParquetDecodingException;

/**
 * Bulk decoder of DELTA_BINARY_PACKED (Parquet format spec, "Delta Encoding"): a header
 * (block size, miniblocks per block, value count, first value as zigzag ULEB128), then
 * blocks of (min delta, one bit width per miniblock, the bit-packed miniblocks). Each value
 * is the previous one plus min delta plus its packed delta, in 64-bit two's complement (an
 * INT32 column's values are the low 32 bits, as parquet-java's reader gives them).
 */
final class DeltaPacked {
    private int pos;
    private final byte[] buf;
    private final int end;

    private DeltaPacked(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    /** Decodes n values from buf[pos..end) into out[0..n); int32 keeps the low 32 bits of each. */
    static void decode(byte[] buf, int pos, int end, long[] out, int n, boolean int32) {
        new DeltaPacked(buf, pos, end).values(out, n);
        if (int32) for (int i = 0; i < n; i++) out[i] = (int) out[i];
    }

    private void values(long[] out, int n) {
        long blockSize = uleb();
        long miniblocks = uleb();
        long total = uleb();
        long v = zigzag(uleb());
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0 || blockSize > 1 << 20) {
            throw new ParquetDecodingException("bad DELTA_BINARY_PACKED header: block " + blockSize + ", miniblocks " + miniblocks);
        }
        if (total < n) throw new ParquetDecodingException("DELTA_BINARY_PACKED page holds " + total + " values, " + n + " expected");
        if (n == 0) return;
        out[0] = v;
        int per = (int) (blockSize / miniblocks);
        int m = (int) miniblocks;
        int i = 1;
        while (i < n) {
            long minDelta = zigzag(uleb());
            if (pos + m > end) throw new ParquetDecodingException("DELTA_BINARY_PACKED bit widths past the page");
            int widths = pos;
            pos += m;
            for (int mb = 0; mb < m && i < n; mb++) {
                int width = buf[widths + mb] & 0xFF;
                if (width > 64) throw new ParquetDecodingException("DELTA_BINARY_PACKED bit width " + width);
                int bytes = per / 8 * width;
                int take = Math.min(per, n - i);
                long needed = ((long) take * width + 7) >>> 3;
                if (needed > end - pos) throw new ParquetDecodingException("DELTA_BINARY_PACKED miniblock past the page");
                v = miniblock(pos, width, minDelta, v, out, i, take);
                pos += (int) Math.min(bytes, end - pos);
                i += take;
            }
        }
    }

    /** Adds take packed deltas of one miniblock at p to v, writing each running value; returns the last. */
    private long miniblock(int p, int width, long minDelta, long v, long[] out, int at, int take) {
        if (width == 0) {
            for (int k = 0; k < take; k++) {
                v += minDelta;
                out[at + k] = v;
            }
            return v;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long bit = 0;
        for (int k = 0; k < take; k++, bit += width) {
            int b = p + (int) (bit >>> 3);
            int s = (int) (bit & 7);
            long w;
            if (b + 9 <= buf.length) {
                w = (long) RleHybrid.LONG_LE.get(buf, b) >>> s;
                if (s + width > 64) w |= (long) (buf[b + 8] & 0xFF) << (64 - s);
            } else {
                w = 0;
                for (int j = 0; j < 9 && b + j < buf.length; j++) {
                    long x = buf[b + j] & 0xFFL;
                    w |= j == 0 ? x >>> s : x << (8 * j - s);
                }
            }
            v += minDelta + (w & mask);
            out[at + k] = v;
        }
        return v;
    }

    private long uleb() {
        long r = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) throw new ParquetDecodingException("DELTA_BINARY_PACKED header past the page");
            int b = buf[pos++] & 0xFF;
            r |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return r;
        }
        throw new ParquetDecodingException("DELTA_BINARY_PACKED varint too long");
    }

    private static long zigzag(long z) {
        return (z >>> 1) ^ -(z & 1);
    }
}
