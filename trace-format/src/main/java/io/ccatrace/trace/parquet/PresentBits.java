package io.ccatrace.trace.parquet;

/**
 * Copies the values of an optional column into row order from a bitmap of which rows have
 * one (bit set: present, the next value; clear: null): 64 rows per step, a whole word of
 * present rows as one array copy, a whole word of nulls as one fill, mixed words by their
 * set bits.
 */
final class PresentBits {
    private PresentBits() {
    }

    /** The k (1..64) bits of bits starting at bit from, in the low bits of the result. */
    static long window(long[] bits, int from, int k) {
        int i = from >>> 6;
        int s = from & 63;
        long w = bits[i] >>> s;
        if (s != 0 && s + k > 64) w |= bits[i + 1] << (64 - s);
        return k == 64 ? w : w & ((1L << k) - 1);
    }

    /** The number of set bits among the first n. */
    static int count(long[] bits, int n) {
        int c = 0;
        int words = n >>> 6;
        for (int i = 0; i < words; i++) c += Long.bitCount(bits[i]);
        if ((n & 63) != 0) c += Long.bitCount(bits[words] & ((1L << (n & 63)) - 1));
        return c;
    }

    /**
     * Rows [from, from + len) of the bitmap into dst[di..]: present rows take src[si], src[si
     * + 1], ...; null rows get nul. Returns the index of the next unused value of src.
     */
    static int expand(long[] bits, int from, int len, long[] src, int si, long[] dst, int di, long nul) {
        for (int i = 0; i < len; i += 64) {
            int k = Math.min(64, len - i);
            long w = window(bits, from + i, k);
            int d = di + i;
            if (w == 0) {
                java.util.Arrays.fill(dst, d, d + k, nul);
            } else if (Long.bitCount(w) == k) {
                System.arraycopy(src, si, dst, d, k);
                si += k;
            } else {
                java.util.Arrays.fill(dst, d, d + k, nul);
                for (; w != 0; w &= w - 1) dst[d + Long.numberOfTrailingZeros(w)] = src[si++];
            }
        }
        return si;
    }

    /** As {@link #expand(long[], int, int, long[], int, long[], int, long)} for int values. */
    static int expand(long[] bits, int from, int len, int[] src, int si, int[] dst, int di, int nul) {
        for (int i = 0; i < len; i += 64) {
            int k = Math.min(64, len - i);
            long w = window(bits, from + i, k);
            int d = di + i;
            if (w == 0) {
                java.util.Arrays.fill(dst, d, d + k, nul);
            } else if (Long.bitCount(w) == k) {
                System.arraycopy(src, si, dst, d, k);
                si += k;
            } else {
                java.util.Arrays.fill(dst, d, d + k, nul);
                for (; w != 0; w &= w - 1) dst[d + Long.numberOfTrailingZeros(w)] = src[si++];
            }
        }
        return si;
    }

    /**
     * ORs bits [from, from + len) of src into dst from bit at on (dst clear there). Returns the
     * number of set bits copied.
     */
    static int copy(long[] src, int from, int len, long[] dst, int at) {
        int c = 0;
        for (int i = 0; i < len; i += 64) {
            int k = Math.min(64, len - i);
            long w = window(src, from + i, k);
            int to = at + i;
            int s = to & 63;
            dst[to >>> 6] |= w << s;
            if (s != 0 && s + k > 64) dst[(to >>> 6) + 1] |= w >>> (64 - s);
            c += Long.bitCount(w);
        }
        return c;
    }

    /** Whether row i is present. */
    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] >>> (i & 63) & 1) != 0;
    }
}
