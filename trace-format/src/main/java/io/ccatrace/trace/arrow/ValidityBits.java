package io.ccatrace.trace.arrow;

import io.ccatrace.trace.TraceEvent;
import java.util.Arrays;

/**
 * Arrow validity bitmaps (bit r of byte r / 8 set when row r has a value) turned into what
 * {@link io.ccatrace.trace.EventBatch} holds: nulls in a dense column, flags, or a sparse
 * column's presence words, ranks and present values.
 */
final class ValidityBits {
    private ValidityBits() {
    }

    /** Sets out[i] to NULL where the validity bit of row i is clear (8 rows per byte test). */
    static void nullLongs(byte[] v, int n, long[] out) {
        for (int i = 0; i < n; i += 8) {
            int b = v[i >>> 3] & 0xFF;
            if (b == 0xFF) continue;
            int end = Math.min(n, i + 8);
            if (b == 0) {
                Arrays.fill(out, i, end, TraceEvent.NULL);
                continue;
            }
            for (int k = i; k < end; k++) {
                // without a branch: nulls follow the event kinds, so a per-row branch mispredicts
                long valid = -(long) ((b >>> (k & 7)) & 1);
                out[k] = (out[k] & valid) | (TraceEvent.NULL & ~valid);
            }
        }
    }

    /** Row r's validity bit as a flag. */
    static void bits(byte[] v, int n, boolean[] out) {
        for (int i = 0; i < n; i++) out[i] = (v[i >>> 3] & (1 << (i & 7))) != 0;
    }

    /** The validity bytes of n rows as presence words (bit r of word r / 64), bits past row n - 1 clear. */
    static void presence(byte[] v, int n, long[] bits) {
        int words = (n + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long x = 0;
            for (int b = 0, at = w << 3; b < 8 && at + b < v.length; b++) x |= (v[at + b] & 0xFFL) << (8 * b);
            bits[w] = x;
        }
        if ((n & 63) != 0) bits[words - 1] &= (1L << (n & 63)) - 1;
    }

    /** The values of the present rows (bits) of all, in row order, to out. */
    static void gather(long[] bits, int words, long[] all, long[] out) {
        int k = 0;
        for (int w = 0; w < words; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) out[k++] = all[(w << 6) | Long.numberOfTrailingZeros(b)];
        }
    }
}
