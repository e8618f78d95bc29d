package io.ccatrace.trace.chain;

import io.ccatrace.trace.Column;

/**
 * The format-2 event hash ({@link EventHash}) of a row whose columns came one by one, in
 * any order (a writer's direct row path): the writer keeps each present number or name
 * column's word (its value, or a name's {@code String.hashCode()}, xored with
 * {@link #key the column's key}) at the column's ordinal and a presence mask; at the end of
 * the row the present words are taken in schema order, the list and payload columns from
 * their arrays, and mixed as {@link EventHash#hash} mixes them. Not thread-safe (one word
 * buffer per instance).
 */
public final class ColumnWords {
    private static final int ARGS = Column.ARGS.ordinal();
    private static final int OUT = Column.OUT.ordinal();
    private static final int PAYLOAD = Column.PAYLOAD.ordinal();
    /** Mask bits of the hashed columns: all but the derived input flag and the chain. */
    public static final long HASHED = (1L << Column.CHAIN.ordinal()) - 1 & ~(1L << Column.INPUT.ordinal());
    private static final long BELOW_ARGS = (1L << ARGS) - 1;
    private static final long BELOW_OUT = (1L << OUT) - 1 & ~((1L << (ARGS + 1)) - 1);
    private static final long BELOW_PAYLOAD = (1L << PAYLOAD) - 1 & ~((1L << (OUT + 1)) - 1);

    private long[] w = new long[64];

    /** Column c's key, the one a word of c is xored with. */
    public static long key(Column c) {
        return EventHash.key(c);
    }

    /**
     * The hash of a row: for each bit c of present (the row's columns, within
     * {@link #HASHED}) in ascending order, words[c], or for args, out and payload the
     * column's words from its array.
     */
    public long hash(long[] words, long present, long[] args, long[] out, byte[] payload) {
        int need = 40 + ((present >>> ARGS & 1) == 0 ? 0 : args.length) + ((present >>> OUT & 1) == 0 ? 0 : out.length)
                + ((present >>> PAYLOAD & 1) == 0 ? 0 : payload.length / 8 + 1);
        if (need > w.length) w = new long[Math.max(need, 2 * w.length)];
        long[] w = this.w;
        int n = scalars(words, present & BELOW_ARGS, w, 0);
        if ((present >>> ARGS & 1) != 0) n = EventHash.put(w, n, Column.ARGS, args);
        n = scalars(words, present & BELOW_OUT, w, n);
        if ((present >>> OUT & 1) != 0) n = EventHash.put(w, n, Column.OUT, out);
        n = scalars(words, present & BELOW_PAYLOAD, w, n);
        if ((present >>> PAYLOAD & 1) != 0) n = EventHash.put(w, n, Column.PAYLOAD, payload);
        return EventHash.lanes(w, n);
    }

    private static int scalars(long[] words, long bits, long[] w, int n) {
        for (long b = bits; b != 0; b &= b - 1) w[n++] = words[Long.numberOfTrailingZeros(b)];
        return n;
    }
}
