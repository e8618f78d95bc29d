package io.ccatrace.trace;

/**
 * A NAME column of the batch under a {@link BatchCursor}, read by row: dictionary ids from the
 * batch's row-indexed array or from its sparse form ({@link EventBatch#isSparse}), and the
 * reader's dictionary. Reused from batch to batch.
 */
final class NameRows {
    private int[] dense;
    private long[] bits;
    private int[] ranks;
    private int[] values;
    private String[] names;

    /** Points at column c of batch b; returns this. */
    NameRows load(EventBatch b, Column c) {
        if (b.isSparse(c)) {
            bits = b.present(c);
            ranks = b.ranks(c);
            values = b.sparseIds(c);
            dense = null;
        } else {
            dense = b.ids(c);
            bits = null;
        }
        names = b.names(c);
        return this;
    }

    /** Row r's dictionary id, -1 when it has no name. */
    int id(int r) {
        long[] m = bits;
        if (m == null) return dense[r];
        long w = m[r >>> 6];
        long bit = 1L << r;
        if ((w & bit) == 0) return -1;
        return values[ranks[r >>> 6] + Long.bitCount(w & (bit - 1))];
    }

    /** Row r's name, or null. */
    String name(int r) {
        int id = id(r);
        return id < 0 ? null : names[id];
    }

    /** The dictionary the ids index. */
    String[] dictionary() {
        return names;
    }

    /** Reads one value per cache line of what rows [0, n) use (see {@link BatchCursor}'s warm-up). */
    long warm(int n) {
        long sum = 0;
        if (bits == null) {
            for (int i = 0; i < n; i += 16) sum += dense[i];
            return sum;
        }
        int words = (n + 63) >>> 6;
        for (int i = 0; i < words; i += 8) sum += bits[i];
        for (int i = 0; i <= words; i += 16) sum += ranks[i];
        for (int i = 0, end = ranks[words]; i < end; i += 16) sum += values[i];
        return sum;
    }
}
