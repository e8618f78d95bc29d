package io.ccatrace.trace.chain;

import static io.ccatrace.trace.chain.ContentKey.A;
import static io.ccatrace.trace.chain.ContentKey.B;
import static io.ccatrace.trace.chain.ContentKey.nh;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ContentHash} of every row of a batch, column by column (one array at a time, as
 * the reader wrote them; of a column handed over sparsely, only the present rows' values),
 * attached to the batch ({@link EventBatch#attached()}: row r's two
 * values at 2r and 2r + 1; 0, 0 for a row it cannot hash). A batch lacking one of the
 * hashed columns gets null. Meant to run on the reader thread of a cursor
 * ({@code TraceFiles.openCursor} with a batch task). Not thread-safe.
 */
public final class BatchContentHash implements Consumer<EventBatch> {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Column[] SCALARS = {Column.CPU, Column.FID, Column.INDEX, Column.REALM, Column.REC,
        Column.IPA, Column.PA, Column.LEVEL, Column.ESR, Column.FAR, Column.HPFAR, Column.VALUE, Column.SIZE};
    private static final Column[] NAMES = {Column.CMD, Column.STATUS, Column.FROM, Column.TO, Column.FROM_RIPAS,
        Column.TO_RIPAS, Column.PAS, Column.RIPAS, Column.EXIT_REASON, Column.ACCESS, Column.HALF, Column.OUTCOME};
    /** The hashed columns: all but seq, time, cause_seq, input and chain. */
    private static final Set<Column> HASHED = EnumSet.complementOf(
            EnumSet.of(Column.SEQ, Column.TIME, Column.CAUSE_SEQ, Column.INPUT, Column.CHAIN));

    private final NameHashes names = new NameHashes();
    private boolean[] unhashed = new boolean[0];
    private long[] h;
    /** The name column being hashed ({@link #startNames}): its dictionary, slot, and terms by id. */
    private String[] dict;
    private int nameSlot;
    private long[] termA = new long[0];
    private long[] termB = new long[0];
    /** termA[id] and termB[id] hold id's terms for this column when termOf[id] == generation. */
    private int[] termOf = new int[0];
    private int generation;
    /** The keys of the slot being hashed ({@link #keys}). */
    private long ka0;
    private long ka1;
    private long kb0;
    private long kb1;
    /** Rows with a value of the dense column being hashed, a bit per row ({@link #scalars}). */
    private long[] rowBits = new long[0];

    @Override
    public void accept(EventBatch batch) {
        if (!batch.columns().containsAll(HASHED)) {
            batch.attach(null);
            return;
        }
        int n = batch.size();
        h = batch.attached();
        if (h == null || h.length < 2 * n) h = new long[2 * Math.max(n, 16)];
        if (unhashed.length < n) unhashed = new boolean[n];
        java.util.Arrays.fill(unhashed, 0, n, false);
        int[] kind = batch.ids(Column.KIND);
        for (int r = 0; r < n; r++) {
            h[2 * r] = ContentKey.KIND_A[kind[r]];
            h[2 * r + 1] = ContentKey.KIND_B[kind[r]];
        }
        for (int i = 0; i < SCALARS.length; i++) {
            if (batch.isSparse(SCALARS[i])) {
                sparse(batch.present(SCALARS[i]), batch.sparseLongs(SCALARS[i]), null, null, ContentKey.SCALARS + i, n);
            } else {
                scalars(batch.longs(SCALARS[i]), ContentKey.SCALARS + i, n);
            }
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (batch.isSparse(NAMES[i])) {
                sparse(batch.present(NAMES[i]), null, batch.sparseIds(NAMES[i]), batch.names(NAMES[i]), ContentKey.NAMES + i, n);
            } else {
                names(batch.ids(NAMES[i]), batch.names(NAMES[i]), ContentKey.NAMES + i, n);
            }
        }
        list(batch, Column.ARGS, ContentKey.ARGS, n);
        list(batch, Column.OUT, ContentKey.OUT, n);
        payload(batch, n);
        for (int r = 0; r < n; r++) {
            if (unhashed[r]) h[2 * r] = h[2 * r + 1] = 0;
        }
        batch.attach(h);
    }

    private void add(int r, int slot, long v) {
        h[2 * r] += nh(v, A, slot);
        h[2 * r + 1] += nh(v, B, slot);
    }

    /** Makes slot's keys those {@link #addKeyed} uses (in fields: the JIT cannot keep them out of the loop otherwise, as h might alias the key arrays). */
    private void keys(int slot) {
        ka0 = A[2 * slot];
        ka1 = A[2 * slot + 1];
        kb0 = B[2 * slot];
        kb1 = B[2 * slot + 1];
    }

    /** {@link #add} with the slot of the last {@link #keys}. */
    private void addKeyed(int r, long v) {
        h[2 * r] += nh(v, ka0, ka1);
        h[2 * r + 1] += nh(v, kb0, kb1);
    }

    /**
     * A dense column's non-null values: their rows are first gathered as bits (no branch per
     * row), then visited bit by bit, so a column present in a random half of the rows costs no
     * mispredicted branch per row.
     */
    private void scalars(long[] v, int slot, int n) {
        int words = (n + 63) >>> 6;
        if (rowBits.length < words) rowBits = new long[words];
        for (int w = 0; w < words; w++) {
            long m = 0;
            for (int j = 0, base = w << 6, end = Math.min(64, n - base); j < end; j++) {
                m |= (v[base + j] != TraceEvent.NULL ? 1L : 0L) << j;
            }
            rowBits[w] = m;
        }
        keys(slot);
        for (int w = 0; w < words; w++) {
            for (long m = rowBits[w]; m != 0; m &= m - 1) {
                int r = (w << 6) + Long.numberOfTrailingZeros(m);
                addKeyed(r, v[r]);
            }
        }
    }

    /**
     * As {@link #scalars} (ids null) or {@link #names} (values null) over a sparse column: the
     * present rows' values only, in row order.
     */
    private void sparse(long[] bits, long[] values, int[] ids, String[] dict, int slot, int n) {
        if (ids != null) startNames(dict, slot);
        else keys(slot);
        int k = 0;
        for (int w = 0, words = (n + 63) >>> 6; w < words; w++) {
            long m = bits[w];
            while (m != 0) {
                int r = (w << 6) + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                if (ids == null) {
                    long x = values[k++];
                    if (x != TraceEvent.NULL) addKeyed(r, x);
                } else {
                    int id = ids[k++];
                    if (id >= 0) addName(r, id);
                }
            }
        }
    }

    private void names(int[] ids, String[] dict, int slot, int n) {
        startNames(dict, slot);
        for (int r = 0; r < n; r++) {
            if (ids[r] >= 0) addName(r, ids[r]);
        }
    }

    /**
     * A name's two terms depend only on its dictionary id within one column of a batch: they
     * are computed at the id's first row (a dictionary holds a few dozen names) and then added
     * per row without a lookup or a multiply.
     */
    private void startNames(String[] dict, int slot) {
        if (++generation == 0) {
            java.util.Arrays.fill(termOf, 0);
            generation = 1;
        }
        if (termOf.length < dict.length) {
            termOf = new int[dict.length];
            termA = new long[dict.length];
            termB = new long[dict.length];
        }
        this.dict = dict;
        this.nameSlot = slot;
    }

    private void addName(int r, int id) {
        if (termOf[id] != generation) {
            long v = names.of(dict[id]);
            termA[id] = nh(v, A, nameSlot);
            termB[id] = nh(v, B, nameSlot);
            termOf[id] = generation;
        }
        h[2 * r] += termA[id];
        h[2 * r + 1] += termB[id];
    }

    /**
     * A list column's length and elements per row; of a sparse column (the replay's cursor
     * hands over out so) the present rows' lists only, without expanding it to row offsets.
     */
    private void list(EventBatch batch, Column c, int slot, int n) {
        long[] v = batch.listValues(c);
        if (batch.isSparse(c)) {
            long[] bits = batch.present(c);
            int[] off = batch.sparseOffsets(c);
            int k = 0;
            for (int w = 0, words = (n + 63) >>> 6; w < words; w++) {
                for (long m = bits[w]; m != 0; m &= m - 1, k++) {
                    listRow((w << 6) + Long.numberOfTrailingZeros(m), slot, v, off[k], off[k + 1]);
                }
            }
            return;
        }
        int[] off = batch.offsets(c);
        boolean[] none = batch.nulls(c);
        for (int r = 0; r < n; r++) {
            if (!none[r]) listRow(r, slot, v, off[r], off[r + 1]);
        }
    }

    private void listRow(int r, int slot, long[] v, int from, int to) {
        int len = to - from;
        if (len > ContentKey.MAX_LIST) {
            unhashed[r] = true;
            return;
        }
        add(r, slot, len);
        for (int i = 0; i < len; i++) add(r, slot + 1 + i, v[from + i]);
    }

    private void payload(EventBatch batch, int n) {
        int[] off = batch.offsets(Column.PAYLOAD);
        int[] at = batch.starts(Column.PAYLOAD);
        boolean[] none = batch.nulls(Column.PAYLOAD);
        byte[] v = batch.bytes(Column.PAYLOAD);
        int slot = ContentKey.PAYLOAD;
        for (int r = 0; r < n; r++) {
            if (none[r]) continue;
            int len = off[r + 1] - off[r];
            if (len > ContentKey.MAX_PAYLOAD) {
                unhashed[r] = true;
                continue;
            }
            add(r, slot, len);
            int from = at[r];
            int full = from + (len & ~7);
            int w = slot + 1;
            for (int i = from; i < full; i += 8) add(r, w++, (long) LE_LONG.get(v, i));
            if (full < from + len) add(r, w, ContentHash.tail(v, full, from + len));
        }
    }
}
