package io.ccatrace.trace;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A run of consecutive events, as primitive column arrays of the projected columns only:
 * the fast read path. Arrays are reused from batch to batch (copy what you keep) and may be
 * longer than {@link #size()}. Every column can be projected:
 *
 * <ul>
 *   <li>LONG and INT columns: {@link #longs}, with {@link TraceEvent#NULL} for null.</li>
 *   <li>KIND: {@link #ids} holds the {@link EventKind} ordinal.</li>
 *   <li>NAME columns: {@link #ids} indexes {@link #names} (the reader's dictionary, which
 *       only grows, so an id means the same name in every batch of one reader), -1 for null.
 *       The names are interned: one String object per distinct name.</li>
 *   <li>BOOL (input): {@link #bools}.</li>
 *   <li>LONGS (args, out): row r's list is {@link #listValues}[{@link #offsets}[r] ..
 *       offsets[r + 1]); {@link #nulls}[r] tells a null list from an empty one.</li>
 *   <li>BYTES (payload, chain): row r's bytes are the offsets[r + 1] - offsets[r] bytes of
 *       {@link #bytes} from {@link #starts}[r] on; {@link #nulls}[r] marks null. The starts
 *       are the offsets themselves when the rows' bytes were copied one after the other; a
 *       reader may instead point rows into a shared array (a Parquet dictionary: nothing is
 *       copied until a consumer asks for a row's bytes).</li>
 * </ul>
 *
 * <p>A reader may fill an optional LONG, INT or NAME column <em>sparsely</em> instead
 * ({@link #isSparse}): a bitmap of the rows that have a value ({@link #present}), the number of
 * values before each 64-row word ({@link #ranks}) and the present rows' values in row order
 * ({@link #sparseLongs}, {@link #sparseIds}), without a null-filled cell per row. {@link #longs}
 * and {@link #ids} still give the row-indexed arrays: the first call of a batch expands them
 * from the sparse form (on the calling thread).
 */
public final class EventBatch {
    private static final int N = Column.values().length;

    private final Set<Column> columns;
    private final Column[] projected;
    private final long[][] longs = new long[N][];
    private final int[][] ids = new int[N][];
    private final String[][] names = new String[N][];
    private final boolean[][] bools = new boolean[N][];
    private final int[][] offsets = new int[N][];
    private final boolean[][] nulls = new boolean[N][];
    private final long[][] listValues = new long[N][];
    /** The array row bytes are read from: {@link #own} or a reader's shared array. */
    private final byte[][] bytes = new byte[N][];
    /** The batch's own byte buffer of each BYTES column (filled by copying readers). */
    private final byte[][] own = new byte[N][];
    /** Row starts into a shared array, or null when rows are copied in order (starts = offsets). */
    private final int[][] starts = new int[N][];
    private final int[][] startBuf = new int[N][];
    /** Whether a column is filled sparsely in this batch, and whether its dense array was expanded from that. */
    private final boolean[] sparse = new boolean[N];
    private final boolean[] expanded = new boolean[N];
    private final long[][] present = new long[N][];
    private final int[][] ranks = new int[N][];
    private final long[][] sparseLongs = new long[N][];
    private final int[][] sparseIds = new int[N][];
    /** A sparse LONGS or BYTES column: the present rows' boundaries, and where their bytes start (null: at the boundaries). */
    private final int[][] sparseOff = new int[N][];
    private final int[][] sparseStarts = new int[N][];
    /** Row starts of a sparse BYTES column's dense form, once expanded ({@link #starts}). */
    private final int[][] denseStarts = new int[N][];
    private int size;
    /** Per-row values a task attached to this batch (e.g. keyed row hashes), or null. */
    private long[] attached;

    EventBatch(Set<Column> columns) {
        this.columns = columns.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(columns));
        this.projected = EnumSet.copyOf(columns.isEmpty() ? EnumSet.noneOf(Column.class) : columns).toArray(new Column[0]);
        for (Column c : projected) {
            if (c.type() == Column.Type.LONGS) listValues[c.ordinal()] = new long[1024];
            if (c.type() == Column.Type.BYTES) bytes[c.ordinal()] = own[c.ordinal()] = new byte[4096];
            if (c.type() == Column.Type.NAME) names[c.ordinal()] = new String[0];
        }
    }

    /** Creates an empty batch for a projection (used by readers). */
    public static EventBatch of(Set<Column> columns) {
        return new EventBatch(columns);
    }

    public Set<Column> columns() {
        return columns;
    }

    /** The projected columns in schema order (shared array: do not modify). */
    public Column[] projected() {
        return projected;
    }

    public int size() {
        return size;
    }

    /** Values of a LONG or INT column ({@link TraceEvent#NULL} = null). */
    public long[] longs(Column c) {
        int i = c.ordinal();
        if (sparse[i] && !expanded[i]) expand(i, longsFor(i), null);
        return check(longs[i], c);
    }

    /** Dictionary ids of a NAME column (-1 = null) or kind ordinals of KIND. */
    public int[] ids(Column c) {
        int i = c.ordinal();
        if (sparse[i] && !expanded[i]) expand(i, null, idsFor(i));
        return check(ids[i], c);
    }

    /** Fills the row-indexed array of sparse column i (long or int values) from its sparse form. */
    private void expand(int i, long[] dl, int[] di) {
        long[] bits = present[i];
        int k = 0;
        for (int r = 0; r < size; r++) {
            boolean has = (bits[r >>> 6] >>> r & 1) != 0;
            if (dl != null) dl[r] = has ? sparseLongs[i][k] : TraceEvent.NULL;
            else di[r] = has ? sparseIds[i][k] : -1;
            if (has) k++;
        }
        expanded[i] = true;
    }

    /** Whether column c of this batch is filled sparsely (see the class comment). */
    public boolean isSparse(Column c) {
        return sparse[c.ordinal()];
    }

    /** A sparse column's presence bitmap: bit r (of word r / 64) is set when row r has a value. */
    public long[] present(Column c) {
        return check(sparse[c.ordinal()] ? present[c.ordinal()] : null, c);
    }

    /** A sparse column's value count before each 64-row word: ranks[w] values lie in rows [0, 64 w). */
    public int[] ranks(Column c) {
        return check(sparse[c.ordinal()] ? ranks[c.ordinal()] : null, c);
    }

    /** A sparse LONG/INT column's values of the present rows, in row order. */
    public long[] sparseLongs(Column c) {
        return check(sparse[c.ordinal()] ? sparseLongs[c.ordinal()] : null, c);
    }

    /** A sparse NAME column's ids of the present rows, in row order. */
    public int[] sparseIds(Column c) {
        return check(sparse[c.ordinal()] ? sparseIds[c.ordinal()] : null, c);
    }

    /** The dictionary of a NAME column (interned strings; covers every id of this batch). */
    public String[] names(Column c) {
        if (c == Column.KIND) return KIND_NAMES;
        return check(names[c.ordinal()], c);
    }

    /** Values of a BOOL column (input). */
    public boolean[] bools(Column c) {
        return check(bools[c.ordinal()], c);
    }

    /** Row boundaries of a LONGS or BYTES column: size() + 1 entries, non-decreasing. */
    public int[] offsets(Column c) {
        int i = c.ordinal();
        if (sparse[i] && !expanded[i]) expandSpans(i);
        return check(offsets[i], c);
    }

    /** Null flags of a LONGS or BYTES column. */
    public boolean[] nulls(Column c) {
        int i = c.ordinal();
        if (sparse[i] && !expanded[i]) expandSpans(i);
        return check(nulls[i], c);
    }

    /**
     * A sparse LONGS or BYTES column's boundaries of its present rows: the k-th present row's
     * elements (bytes) are [off[k], off[k + 1]) of {@link #listValues} (of {@link #bytes}
     * from {@link #sparseStarts}[k] on); ranks[r / 64] + bits before r of row r's word give k.
     */
    public int[] sparseOffsets(Column c) {
        return check(sparse[c.ordinal()] ? sparseOff[c.ordinal()] : null, c);
    }

    /** A sparse BYTES column's start of each present row's bytes in {@link #bytes}. */
    public int[] sparseStarts(Column c) {
        int i = c.ordinal();
        if (!sparse[i]) return check(null, c);
        return sparseStarts[i] != null ? sparseStarts[i] : sparseOff[i];
    }

    /** Fills the row-indexed offsets, null flags (and starts) of sparse LONGS/BYTES column i from its sparse form. */
    private void expandSpans(int i) {
        long[] bits = present[i];
        int[] so = sparseOff[i];
        int[] ss = sparseStarts[i];
        int[] off = offsetsFor(i);
        boolean[] none = nullsFor(i);
        int[] st = null;
        if (ss != null) {
            if (denseStarts[i] == null || denseStarts[i].length < size) denseStarts[i] = new int[Math.max(size, 16)];
            st = denseStarts[i];
        }
        int k = 0;
        off[0] = so[0];
        for (int r = 0; r < size; r++) {
            boolean has = (bits[r >>> 6] >>> r & 1) != 0;
            none[r] = !has;
            if (st != null) st[r] = has ? ss[k] : 0;
            if (has) k++;
            off[r + 1] = so[k];
        }
        starts[i] = st;
        expanded[i] = true;
    }

    /** The concatenated elements of a LONGS column (see {@link #offsets}). */
    public long[] listValues(Column c) {
        return check(listValues[c.ordinal()], c);
    }

    /** The bytes of a BYTES column's rows (see {@link #starts} and {@link #offsets}). */
    public byte[] bytes(Column c) {
        return check(bytes[c.ordinal()], c);
    }

    /**
     * Where each row's bytes start in {@link #bytes} (a BYTES column); its length is
     * offsets[r + 1] - offsets[r]. The offsets array itself when the rows lie one after the other.
     */
    public int[] starts(Column c) {
        int i = c.ordinal();
        if (sparse[i] && !expanded[i]) expandSpans(i);
        int[] s = starts[i];
        return s != null ? s : offsets(c);
    }

    /** The kind of row r. */
    public EventKind kind(int r) {
        return KINDS[ids(Column.KIND)[r]];
    }

    /** Row r of a LONGS column as a fresh array, or null. */
    public long[] list(Column c, int r) {
        if (nulls(c)[r]) return null;
        int[] o = offsets(c);
        return Arrays.copyOfRange(listValues[c.ordinal()], o[r], o[r + 1]);
    }

    /** Row r of a BYTES column as a fresh array, or null. */
    public byte[] byteArray(Column c, int r) {
        if (nulls(c)[r]) return null;
        int[] o = offsets(c);
        int at = starts(c)[r];
        return Arrays.copyOfRange(bytes[c.ordinal()], at, at + o[r + 1] - o[r]);
    }

    /** Row r as an immutable event (every event column must be projected). */
    public TraceEvent event(int r) {
        TraceEvent.Builder b = TraceEvent.builder(longs(Column.SEQ)[r], kind(r));
        for (Column c : projected) {
            switch (c.type()) {
                case LONG:
                case INT:
                    if (c != Column.SEQ) c.setLong(b, longs(c)[r]);
                    break;
                case NAME:
                    int id = ids(c)[r];
                    c.setName(b, id < 0 ? null : names[c.ordinal()][id]);
                    break;
                case LONGS:
                    c.setLongs(b, list(c, r));
                    break;
                case BYTES:
                    if (c == Column.PAYLOAD) b.payload(byteArray(c, r));
                    break;
                default:
                    break;
            }
        }
        return b.build();
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

    /**
     * The per-row values a batch task attached (e.g. {@link io.ccatrace.trace.chain.BatchContentHash}'s
     * row hashes), or null. Kept across refills: the task that attaches them refreshes them
     * for every batch (their meaning per row is the task's).
     */
    public long[] attached() {
        return attached;
    }

    /** Attaches per-row values (null: none), for {@link #attached()}. */
    public void attach(long[] values) {
        attached = values;
    }

    // ---- filling, for readers ----

    /**
     * Starts a new batch of n rows. The row-indexed arrays are sized when a column is filled
     * densely ({@link #fillLongs} ...) or expanded from its sparse form: a column the reader
     * fills sparsely never gets one unless a consumer asks for it.
     */
    public void reset(int n) {
        size = n;
        for (Column c : projected) {
            int i = c.ordinal();
            sparse[i] = false;
            expanded[i] = false;
            if (c.type() == Column.Type.BYTES) {
                bytes[i] = own[i];
                starts[i] = null;
                sparseStarts[i] = null;
            }
        }
    }

    private long[] longsFor(int i) {
        if (longs[i] == null || longs[i].length < size) longs[i] = new long[size];
        return longs[i];
    }

    private int[] idsFor(int i) {
        if (ids[i] == null || ids[i].length < size) ids[i] = new int[size];
        return ids[i];
    }

    private int[] offsetsFor(int i) {
        if (offsets[i] == null || offsets[i].length < size + 1) offsets[i] = new int[size + 1];
        return offsets[i];
    }

    private boolean[] nullsFor(int i) {
        if (nulls[i] == null || nulls[i].length < size) nulls[i] = new boolean[size];
        return nulls[i];
    }

    /** Array to fill for a LONG/INT column (after reset). */
    public long[] fillLongs(Column c) {
        return longsFor(c.ordinal());
    }

    /**
     * Fills optional column c sparsely in this batch (after reset): returns its presence bitmap,
     * cleared for size() rows; the values go to {@link #fillSparseLongs} or {@link #fillSparseIds}
     * (a LONGS or BYTES column: the present rows' boundaries to {@link #fillSparseOffsets}, their
     * elements or bytes as in the dense form, a shared array's starts to {@link #share}), the
     * ranks to {@link #fillRanks}.
     */
    public long[] fillPresent(Column c) {
        int i = c.ordinal();
        int words = (size + 63) >>> 6;
        if (present[i] == null || present[i].length < words + 1) {
            present[i] = new long[words + 1];
            ranks[i] = new int[words + 1];
        } else {
            Arrays.fill(present[i], 0, words + 1, 0L);
        }
        sparse[i] = true;
        return present[i];
    }

    /** ranks[w] = set bits in words [0, w) of bits, for w up to words (inclusive): a sparse column's ranks from its bitmap. */
    public static void ranks(long[] bits, int words, int[] ranks) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            ranks[w] = count;
            count += Long.bitCount(bits[w]);
        }
        ranks[words] = count;
    }

    /** Rank array of a sparse column ((size() + 63) / 64 + 1 entries to fill, after {@link #fillPresent}). */
    public int[] fillRanks(Column c) {
        return ranks[c.ordinal()];
    }

    /** Value array of a sparse LONG/INT column, room for size() values. */
    public long[] fillSparseLongs(Column c) {
        int i = c.ordinal();
        if (sparseLongs[i] == null || sparseLongs[i].length < size) sparseLongs[i] = new long[size];
        return sparseLongs[i];
    }

    /** Id array of a sparse NAME column, room for size() ids. */
    public int[] fillSparseIds(Column c) {
        int i = c.ordinal();
        if (sparseIds[i] == null || sparseIds[i].length < size) sparseIds[i] = new int[size];
        return sparseIds[i];
    }

    /** Boundaries of a sparse LONGS/BYTES column's present rows: room for size() + 1 (entry 0 must be 0). */
    public int[] fillSparseOffsets(Column c) {
        int i = c.ordinal();
        if (sparseOff[i] == null || sparseOff[i].length < size + 1) sparseOff[i] = new int[size + 1];
        return sparseOff[i];
    }

    /** Array to fill for a NAME/KIND column (after reset). */
    public int[] fillIds(Column c) {
        return idsFor(c.ordinal());
    }

    /** Array to fill for a BOOL column (after reset). */
    public boolean[] fillBools(Column c) {
        int i = c.ordinal();
        if (bools[i] == null || bools[i].length < size) bools[i] = new boolean[size];
        return bools[i];
    }

    /** Offsets to fill for a LONGS/BYTES column (after reset; offsets[0] must be 0). */
    public int[] fillOffsets(Column c) {
        return offsetsFor(c.ordinal());
    }

    /** Null flags to fill for a LONGS/BYTES column (after reset). */
    public boolean[] fillNulls(Column c) {
        return nullsFor(c.ordinal());
    }

    /** Element array of a LONGS column with room for at least n values (growing keeps the contents). */
    public long[] fillListValues(Column c, int n) {
        long[] a = listValues[c.ordinal()];
        if (a.length < n) {
            a = Arrays.copyOf(a, Math.max(n, a.length + (a.length >> 1)));
            listValues[c.ordinal()] = a;
        }
        return a;
    }

    /**
     * Byte array of a BYTES column with room for at least n bytes (growing keeps the contents):
     * the batch's own, rows one after the other (starts = offsets).
     */
    public byte[] fillBytes(Column c, int n) {
        int i = c.ordinal();
        byte[] a = own[i];
        if (a.length < n) {
            a = Arrays.copyOf(a, Math.max(n, a.length + (a.length >> 1)));
            own[i] = a;
        }
        bytes[i] = a;
        starts[i] = null;
        sparseStarts[i] = null;
        return a;
    }

    /** Array of row starts of a BYTES column for n rows, for {@link #share}. */
    public int[] fillStarts(Column c, int n) {
        int i = c.ordinal();
        if (startBuf[i] == null || startBuf[i].length < n) startBuf[i] = new int[Math.max(n, 16)];
        return startBuf[i];
    }

    /**
     * Points a BYTES column's rows into a shared array the reader does not change while the
     * batch is in use (rows start at the given starts, from {@link #fillStarts}; a sparse
     * column's: its present rows' starts).
     */
    public void share(Column c, byte[] data, int[] rowStarts) {
        int i = c.ordinal();
        bytes[i] = data;
        if (sparse[i]) sparseStarts[i] = rowStarts; else starts[i] = rowStarts;
    }

    /** Sets the dictionary of a NAME column (must cover every id filled). */
    public void setNames(Column c, String[] dictionary) {
        names[c.ordinal()] = dictionary;
    }
}
