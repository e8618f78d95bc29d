package io.ccatrace.trace;

import java.util.Set;

/**
 * A run of consecutive events, as primitive column arrays of the projected columns only:
 * the fast read path for analyzers. Arrays are reused from batch to batch (copy what you
 * keep) and may be longer than {@link #size()}.
 *
 * <ul>
 *   <li>LONG and INT columns: {@link #longs}, with {@link TraceEvent#NULL} for null.</li>
 *   <li>KIND: {@link #ids} holds the {@link EventKind} ordinal.</li>
 *   <li>NAME columns: {@link #ids} indexes {@link #names} (this batch's dictionary), -1 for null.</li>
 * </ul>
 * Register lists and bytes are not projectable: read them with {@link TraceReader}.
 */
public final class EventBatch {
    private final Set<Column> columns;
    private final long[][] longs = new long[Column.values().length][];
    private final int[][] ids = new int[Column.values().length][];
    private final String[][] names = new String[Column.values().length][];
    private int size;

    EventBatch(Set<Column> columns) {
        for (Column c : columns) {
            if (c.type() == Column.Type.LONGS || c.type() == Column.Type.BYTES || c.type() == Column.Type.BOOL) {
                throw new IllegalArgumentException("column " + c.columnName() + " cannot be projected");
            }
        }
        this.columns = Set.copyOf(columns);
    }

    /** Creates an empty batch for a projection (used by readers). */
    public static EventBatch of(Set<Column> columns) {
        return new EventBatch(columns);
    }

    public Set<Column> columns() {
        return columns;
    }

    public int size() {
        return size;
    }

    /** Values of a LONG or INT column ({@link TraceEvent#NULL} = null). */
    public long[] longs(Column c) {
        return check(longs[c.ordinal()], c);
    }

    /** Dictionary ids of a NAME column (-1 = null) or kind ordinals of KIND. */
    public int[] ids(Column c) {
        return check(ids[c.ordinal()], c);
    }

    /** This batch's dictionary of a NAME column. */
    public String[] names(Column c) {
        if (c == Column.KIND) return KIND_NAMES;
        return check(names[c.ordinal()], c);
    }

    /** The kind of row r. */
    public EventKind kind(int r) {
        return KINDS[ids(Column.KIND)[r]];
    }

    private static final EventKind[] KINDS = EventKind.values();
    private static final String[] KIND_NAMES = kindNames();

    private static String[] kindNames() {
        String[] s = new String[KINDS.length];
        for (int i = 0; i < s.length; i++) s[i] = KINDS[i].name();
        return s;
    }

    private <T> T check(T a, Column c) {
        if (a == null) throw new IllegalArgumentException("column " + c.columnName() + " is not in the projection");
        return a;
    }

    // ---- filling, for readers ----

    /** Starts a new batch of n rows; returns arrays sized for it. */
    public void reset(int n) {
        size = n;
        for (Column c : columns) {
            int i = c.ordinal();
            if (c.type() == Column.Type.LONG || c.type() == Column.Type.INT) {
                if (longs[i] == null || longs[i].length < n) longs[i] = new long[n];
            } else if (ids[i] == null || ids[i].length < n) {
                ids[i] = new int[n];
            }
        }
    }

    /** Array to fill for a LONG/INT column (after reset). */
    public long[] fillLongs(Column c) {
        return longs[c.ordinal()];
    }

    /** Array to fill for a NAME/KIND column (after reset). */
    public int[] fillIds(Column c) {
        return ids[c.ordinal()];
    }

    /** Sets this batch's dictionary of a NAME column. */
    public void setNames(Column c, String[] dictionary) {
        names[c.ordinal()] = dictionary;
    }
}
