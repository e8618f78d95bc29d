package io.ccatrace.trace;

/**
 * A LONGS or BYTES column of the batch under a {@link BatchCursor}, read by row: each row with
 * a value is a span of the column's elements (bytes). Either the batch's row-indexed form
 * (boundaries and a null flag per row) or its sparse form ({@link EventBatch#isSparse}:
 * presence bits, ranks, the boundaries of the present rows only), whichever the reader
 * filled. Reused from batch to batch.
 */
final class SpanRows {
    private final boolean bytes;
    private int[] off;
    private int[] starts;
    private boolean[] nulls;
    private long[] bits;
    private int[] ranks;

    /** @param bytes a BYTES column (spans start at {@link EventBatch#starts}), else a LONGS one */
    SpanRows(boolean bytes) {
        this.bytes = bytes;
    }

    /** Points at column c of batch b; returns this. */
    SpanRows load(EventBatch b, Column c) {
        if (b.isSparse(c)) {
            bits = b.present(c);
            ranks = b.ranks(c);
            off = b.sparseOffsets(c);
            starts = bytes ? b.sparseStarts(c) : off;
            nulls = null;
        } else {
            bits = null;
            off = b.offsets(c);
            nulls = b.nulls(c);
            starts = bytes ? b.starts(c) : off;
        }
        return this;
    }

    /** Row r's span number (for {@link #length} and {@link #start}), or -1 when the row has no value. */
    int span(int r) {
        long[] m = bits;
        if (m == null) return nulls[r] ? -1 : r;
        long w = m[r >>> 6];
        long bit = 1L << r;
        if ((w & bit) == 0) return -1;
        return ranks[r >>> 6] + Long.bitCount(w & (bit - 1));
    }

    /** Span k's elements (bytes). */
    int length(int k) {
        return off[k + 1] - off[k];
    }

    /** Where span k starts among the column's elements (bytes). */
    int start(int k) {
        return starts[k];
    }

    /** Elements (list columns) the first n rows' spans hold. */
    int elements(int n) {
        return bits == null ? off[n] : off[ranks[(n + 63) >>> 6]];
    }

    /** Reads one value per cache line of what rows [0, n) use (see {@link BatchCursor}'s warm-up). */
    long warm(int n) {
        long sum = 0;
        int spans = n;
        if (bits != null) {
            int words = (n + 63) >>> 6;
            for (int i = 0; i < words; i += 8) sum += bits[i];
            for (int i = 0; i <= words; i += 16) sum += ranks[i];
            spans = ranks[words];
        }
        for (int i = 0; i <= spans; i += 16) sum += off[i];
        if (bytes && starts != off) {
            for (int i = 0; i < spans; i += 16) sum += starts[i];
        }
        return sum;
    }
}
