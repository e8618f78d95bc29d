package io.ccatrace.trace;

/**
 * A LONG or INT column of the batch under a {@link BatchCursor}, read by row: the batch's
 * row-indexed array, or its sparse form ({@link EventBatch#isSparse}: presence bits, ranks,
 * the present rows' values), whichever the reader filled. Reused from batch to batch.
 */
final class LongRows {
    private long[] dense;
    private long[] bits;
    private int[] ranks;
    private long[] values;

    /** Points at column c of batch b; returns this. */
    LongRows load(EventBatch b, Column c) {
        if (b.isSparse(c)) {
            bits = b.present(c);
            ranks = b.ranks(c);
            values = b.sparseLongs(c);
            dense = null;
        } else {
            dense = b.longs(c);
            bits = null;
        }
        return this;
    }

    /** Row r's value, {@link TraceEvent#NULL} when it has none. */
    long get(int r) {
        long[] m = bits;
        if (m == null) return dense[r];
        long w = m[r >>> 6];
        long bit = 1L << r;
        if ((w & bit) == 0) return TraceEvent.NULL;
        return values[ranks[r >>> 6] + Long.bitCount(w & (bit - 1))];
    }

    /** Reads one value per cache line of what rows [0, n) use (see {@link BatchCursor}'s warm-up). */
    long warm(int n) {
        long sum = 0;
        if (bits == null) {
            for (int i = 0; i < n; i += 8) sum += dense[i];
            return sum;
        }
        int words = (n + 63) >>> 6;
        for (int i = 0; i < words; i += 8) sum += bits[i];
        for (int i = 0; i <= words; i += 16) sum += ranks[i];
        for (int i = 0, end = ranks[words]; i < end; i += 8) sum += values[i];
        return sum;
    }
}
