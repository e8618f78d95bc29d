package io.ccatrace.trace.chain;

import io.ccatrace.trace.Column;
import java.util.Arrays;

/**
 * The format-2 event hash ({@link EventHash}) of a row whose columns come one by one (a
 * writer's direct row path). Each present column's words are appended as they come (a number
 * or name column's word is its value, or a name's {@code String.hashCode()}, xored with
 * {@link #key the column's key}); when the columns came in schema order (the recorder's
 * order) these are the hash's words and {@link #hash} only mixes them. Otherwise (a column
 * before one of lower ordinal, or a column twice) the row is hashed again from each number or
 * name column's last word, kept by ordinal, and the list and payload arrays, taken in schema
 * order. Not thread-safe (one word buffer per instance).
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
    private static final long[] KEYS = keys();
    private static final long K_SEQ = KEYS[Column.SEQ.ordinal()];
    private static final long K_TIME = KEYS[Column.TIME.ordinal()];
    private static final long K_KIND = KEYS[Column.KIND.ordinal()];

    /** The row's words in the order they came. */
    private long[] w = new long[64];
    private int n;
    /** Mask bits of the columns given since {@link #start} (seq, time and kind included). */
    private long given;
    /** Whether a column came after one of a higher ordinal or twice. */
    private boolean shuffled;
    /** Each number or name column's word, by ordinal (for a shuffled row). */
    private final long[] byColumn = new long[64];
    /** Words of the fallback. */
    private long[] sorted = new long[64];

    /** Column c's key, the one the first word of c is xored with. */
    public static long key(Column c) {
        return EventHash.key(c);
    }

    /** Starts a row with its never-null columns. */
    public void start(long seq, long time, int kindOrdinal) {
        long[] w = this.w;
        w[0] = seq ^ K_SEQ;
        w[1] = time ^ K_TIME;
        w[2] = kindOrdinal ^ K_KIND;
        n = 3;
        given = 7;
        shuffled = false;
    }

    /** A present number or name column (ordinal c): its value or the name's hash code. */
    public void word(int c, long v) {
        long x = v ^ KEYS[c];
        byColumn[c] = x;
        order(c);
        int n = this.n;
        if (n == w.length) w = Arrays.copyOf(w, 2 * n);
        w[n] = x;
        this.n = n + 1;
    }

    /** The present args (or out, by its ordinal c) column's elements. */
    public void list(int c, long[] v) {
        order(c);
        room(1 + v.length);
        long[] w = this.w;
        int n = this.n;
        w[n] = v.length ^ KEYS[c];
        System.arraycopy(v, 0, w, n + 1, v.length);
        this.n = n + 1 + v.length;
    }

    /** The present payload's bytes. */
    public void payload(byte[] v) {
        order(PAYLOAD);
        room(2 + v.length / 8);
        n = EventHash.put(w, n, Column.PAYLOAD, v);
    }

    private void order(int c) {
        long g = given;
        if (g >>> c != 0) shuffled = true;
        given = g | 1L << c;
    }

    private void room(int words) {
        if (n + words > w.length) w = Arrays.copyOf(w, Math.max(n + words, 2 * w.length));
    }

    /**
     * The hash of the row given since {@link #start}: of the words as they came, or for a
     * shuffled row of its columns in schema order (present: the row's hashed columns, within
     * {@link #HASHED}; args, out, payload: the list and payload columns' last values).
     */
    public long hash(long present, long[] args, long[] out, byte[] payload) {
        if (!shuffled) return EventHash.lanes(w, n);
        int need = 40 + ((present >>> ARGS & 1) == 0 ? 0 : args.length) + ((present >>> OUT & 1) == 0 ? 0 : out.length)
                + ((present >>> PAYLOAD & 1) == 0 ? 0 : payload.length / 8 + 1);
        if (need > sorted.length) sorted = new long[Math.max(need, 2 * sorted.length)];
        long[] s = sorted;
        s[0] = w[0];
        s[1] = w[1];
        s[2] = w[2];
        int k = scalars(present & BELOW_ARGS & ~7L, s, 3);
        if ((present >>> ARGS & 1) != 0) k = EventHash.put(s, k, Column.ARGS, args);
        k = scalars(present & BELOW_OUT, s, k);
        if ((present >>> OUT & 1) != 0) k = EventHash.put(s, k, Column.OUT, out);
        k = scalars(present & BELOW_PAYLOAD, s, k);
        if ((present >>> PAYLOAD & 1) != 0) k = EventHash.put(s, k, Column.PAYLOAD, payload);
        return EventHash.lanes(s, k);
    }

    private int scalars(long bits, long[] s, int k) {
        for (long b = bits; b != 0; b &= b - 1) s[k++] = byColumn[Long.numberOfTrailingZeros(b)];
        return k;
    }

    private static long[] keys() {
        Column[] cs = Column.values();
        long[] k = new long[cs.length];
        for (Column c : cs) k[c.ordinal()] = key(c);
        return k;
    }
}
