package io.ccatrace.trace;

import io.ccatrace.trace.chain.HashChain;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The {@link TraceCursor} over a {@link BatchReader}: reads the current batch's arrays in
 * place. The cursor reads either every column or a projection; an accessor of a column
 * outside the projection throws {@link IllegalStateException} naming the column (never a
 * made-up null), and so does {@link #toEvent()} unless every event column is projected.
 * Over every column, the integrity chain of each batch is checked: on the reader's thread
 * when the reader decodes ahead on its own thread ({@link PrefetchReader}), else on a
 * second thread while this one reads the batch's rows; warnings are still given on the
 * cursor's thread. A projection cannot be checked (the chain covers every column), so only
 * the unfinished-recording warning is given. Rows before {@code fromSeq} are skipped: whole
 * batches by the reader's {@link BatchReader#seek}, the rest by a binary search in the first
 * batch.
 */
final class BatchCursor implements TraceCursor {
    private static final EventKind[] KINDS = EventKind.values();
    /** Payloads up to this length get a reused array; longer ones a fresh one. */
    private static final int MAX_REUSED_PAYLOAD = 1 << 16;
    /** Register lists up to this length get a reused array (they hold at most 31 registers). */
    private static final int MAX_REUSED_LIST = 64;
    /**
     * Batches up to this many rows are pulled into the cache before their rows are read
     * ({@link #warm}); a larger one (65,536 rows of every column: ~10 MB) would not stay there.
     */
    private static final int WARM_MAX_ROWS = 8192;

    private final BatchReader reader;
    private final String file;
    private final Set<Column> columns;
    private final boolean everyEventColumn;
    private final ChainCheck check;
    /** Whether the reader under the cursor gives the warnings itself (the JSONL row path). */
    private final boolean readerWarns;
    private final Consumer<String> warnings;
    private final boolean fromStart;
    private boolean warnedBreak;
    /** The storage-digest check of a projection (null: none); its break is warned on this thread. */
    private StorageCheck storage;
    private boolean warnedStorage;
    /** Runs the chain check of the batch being read while the cursor's thread goes on (null: not here). */
    private final ExecutorService checker;
    private Future<?> pending;
    private long fromSeq;
    private long rows;
    /** Whether batches come from another thread and are pulled into this core's cache first ({@link #warm}). */
    private final boolean warm;
    /** Keeps the warm-up reads from being optimized away. */
    private long warmSink;
    private EventBatch b;
    /** The current batch's {@link EventBatch#attached()} values, read once per batch. */
    private long[] attached;
    private int r;
    private int n;
    private boolean ended;
    private long[] seq;
    private int[] kind;
    /** The current batch's LONG/INT and NAME columns (null until the first batch, and for a column not projected). */
    private LongRows time, cpu, causeSeq, fid, index, realm, rec, ipa, pa, level, esr, far, hpfar, value, size;
    private NameRows cmd, status, from, to, fromRipas, toRipas, pas, ripas, exitReason, access, half, outcome;
    /** Every projected LONG/INT and NAME column's rows, by column ordinal (reused for every batch). */
    private final LongRows[] longRows = new LongRows[Column.values().length];
    private final NameRows[] nameRows = new NameRows[Column.values().length];
    /** {@link #nameRows} once the first batch is loaded (for {@link #nameId}). */
    private final NameRows[] names = new NameRows[Column.values().length];
    /** The current batch's list and payload columns (null until the first batch, and for a column not projected). */
    private SpanRows args, out, payload;
    private final SpanRows argsRows = new SpanRows(false);
    private final SpanRows outRows = new SpanRows(false);
    private final SpanRows payloadRows = new SpanRows(true);
    private long[] argsVal, outVal;
    private byte[] payloadVal;
    private final long[][] argsReuse = new long[MAX_REUSED_LIST + 1][];
    private final long[][] outReuse = new long[MAX_REUSED_LIST + 1][];
    private byte[][] payloadReuse = new byte[0][];

    /**
     * @param columns the columns the cursor gives (seq and kind among them; the reader decodes
     *     at least these, every column when the chain is checked here)
     * @param check the chain check over every batch, or null when the chain is not checked
     *     here: the reader checks it (readerWarns, the JSONL row path) or the projection
     *     lacks columns it covers
     * @param fromSeq the first row returned is the first with seq &gt;= fromSeq
     *     ({@code Long.MIN_VALUE}: from the start)
     * @param seekTo where the reader seeks to before its first batch ({@code Long.MIN_VALUE}:
     *     no seek); at most fromSeq: the check of a seeking cursor starts at the checkpoint
     *     stored before fromSeq ({@link SeekAnchor}), so its reader must not skip the rows after it
     */
    BatchCursor(BatchReader reader, String file, Set<Column> columns, ChainCheck check, boolean readerWarns, Consumer<String> warnings, long fromSeq, long seekTo) throws IOException {
        this.reader = reader;
        this.file = file;
        this.columns = Set.copyOf(columns);
        this.everyEventColumn = columns.containsAll(eventColumns());
        this.check = check;
        this.readerWarns = readerWarns;
        this.warnings = warnings;
        this.fromSeq = fromSeq;
        this.fromStart = fromSeq == Long.MIN_VALUE;
        this.warm = reader instanceof PrefetchReader;
        for (Column c : this.columns) {
            if (c == Column.SEQ) continue;
            if (c.type() == Column.Type.LONG || c.type() == Column.Type.INT) longRows[c.ordinal()] = new LongRows();
            if (c.type() == Column.Type.NAME) nameRows[c.ordinal()] = new NameRows();
        }
        this.checker = check != null && reader.doubleBuffer() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ccatrace-chain-check");
            t.setDaemon(true);
            return t;
        }) : null;
        if (seekTo != Long.MIN_VALUE) reader.seek(seekTo);
        // the reader thread decodes the first batch while the caller finishes opening
        if (reader instanceof PrefetchReader) ((PrefetchReader) reader).begin();
    }

    /**
     * Has a projection's integrity checked by a storage-digest check (started by the caller,
     * closed with the cursor): its break is warned between batches once the check has ended,
     * and at the end at the latest.
     */
    void watch(StorageCheck s) {
        storage = s;
    }

    /**
     * Whether a cursor from this seq reads the file from its first row without seeking: a
     * seq within the first chain interval cannot skip a batch (every batch and row group
     * holds at least one interval, and seqs are never negative: dense from 0 when recorded),
     * and its chain check starts from the chain's all-zero start.
     */
    static boolean readsFromStart(long fromSeq) {
        return fromSeq <= HashChain.INTERVAL;
    }

    /** Every column (a cursor over them checks the integrity chain). */
    static Set<Column> columns() {
        return Set.of(Column.values());
    }

    /** The columns of an event (every column but input, derived from kind, and chain). */
    static Set<Column> eventColumns() {
        return EVENT_COLUMNS;
    }

    private static final Set<Column> EVENT_COLUMNS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.complementOf(java.util.EnumSet.of(Column.INPUT, Column.CHAIN)));

    /** The file's metadata; after the end, from the start, also the end keys a stream lacks. */
    @Override
    public TraceMetadata metadata() {
        TraceMetadata m = reader.metadata();
        if (!ended || readerWarns || !fromStart) return m;
        if (m.get(TraceMetadata.EVENT_COUNT) == null) m = m.with(TraceMetadata.EVENT_COUNT, Long.toString(rows));
        if (m.get(TraceMetadata.COMPLETE) == null) m = m.with(TraceMetadata.COMPLETE, Boolean.toString(reader.complete()));
        if (m.get(TraceMetadata.DIGEST) == null && check != null) m = m.with(TraceMetadata.DIGEST, check.digestHex());
        return m;
    }

    @Override
    public long rowsRead() {
        return rows;
    }

    @Override
    public boolean complete() {
        return reader.complete();
    }

    /** Recomputed here (every column) or by the reader (the JSONL row path); null otherwise. */
    @Override
    public String computedDigest() {
        return check == null ? reader.computedDigest() : check.digestHex();
    }

    /** The first break of the integrity chain seen so far, here or by the reader, or null (null too when nobody checks it). */
    @Override
    public String chainBreak() {
        return check == null ? reader.chainBreak() : check.firstBreak();
    }

    @Override
    public boolean next() throws IOException {
        if (++r < n) return true;
        while (!ended) {
            // a read-ahead reader may refill this batch's object once the next is taken
            if (warm) awaitCheck();
            EventBatch next = reader.next();
            if (next == null) {
                end();
                break;
            }
            load(next);
            rows += n;
            if (storage != null) warnStorage(storage.poll());
            if (check != null) {
                awaitCheck();
                if (checker != null) {
                    pending = checker.submit(() -> check.accept(next));
                } else {
                    check.accept(next);
                    warnBreak();
                }
            }
            r = 0;
            if (fromSeq != Long.MIN_VALUE) {
                if (n == 0 || seq[n - 1] < fromSeq) continue;
                r = firstAtLeast(fromSeq);
                fromSeq = Long.MIN_VALUE;
            }
            if (r < n) return true;
        }
        n = 0;
        r = 0;
        return false;
    }

    /** Waits for the check of the previous batch (whose arrays the reader is about to reuse). */
    private void awaitCheck() throws IOException {
        if (pending == null) return;
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while checking the integrity chain");
        } catch (ExecutionException e) {
            throw new TraceFormatException(file + ": integrity chain check failed: " + VerifyingReader.describe(e.getCause()), e);
        }
        pending = null;
        warnBreak();
    }

    private void end() throws IOException {
        ended = true;
        if (readerWarns) return;
        if (storage != null) warnStorage(storage.await());
        if (check != null) {
            awaitCheck();
            check.finish(reader.complete());
            warnBreak();
        }
        if (!reader.complete()) {
            warnings.accept(VerifyingReader.incomplete(file, fromStart ? rows : -1));
        }
    }

    private void warnBreak() {
        if (!warnedBreak && check.firstBreak() != null) {
            warnedBreak = true;
            warnings.accept(file + ": " + check.firstBreak());
        }
    }

    private void warnStorage(String brk) {
        if (!warnedStorage && brk != null) {
            warnedStorage = true;
            warnings.accept(file + ": " + brk);
        }
    }

    private int firstAtLeast(long s) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (seq[mid] < s) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void load(EventBatch e) {
        b = e;
        n = e.size();
        attached = e.attached();
        seq = e.longs(Column.SEQ);
        kind = e.ids(Column.KIND);
        time = longs(e, Column.TIME);
        cpu = longs(e, Column.CPU);
        causeSeq = longs(e, Column.CAUSE_SEQ);
        fid = longs(e, Column.FID);
        index = longs(e, Column.INDEX);
        realm = longs(e, Column.REALM);
        rec = longs(e, Column.REC);
        ipa = longs(e, Column.IPA);
        pa = longs(e, Column.PA);
        level = longs(e, Column.LEVEL);
        esr = longs(e, Column.ESR);
        far = longs(e, Column.FAR);
        hpfar = longs(e, Column.HPFAR);
        value = longs(e, Column.VALUE);
        size = longs(e, Column.SIZE);
        cmd = names(e, Column.CMD);
        status = names(e, Column.STATUS);
        from = names(e, Column.FROM);
        to = names(e, Column.TO);
        fromRipas = names(e, Column.FROM_RIPAS);
        toRipas = names(e, Column.TO_RIPAS);
        pas = names(e, Column.PAS);
        ripas = names(e, Column.RIPAS);
        exitReason = names(e, Column.EXIT_REASON);
        access = names(e, Column.ACCESS);
        half = names(e, Column.HALF);
        outcome = names(e, Column.OUTCOME);
        args = has(Column.ARGS) ? argsRows.load(e, Column.ARGS) : null;
        argsVal = has(Column.ARGS) ? e.listValues(Column.ARGS) : null;
        out = has(Column.OUT) ? outRows.load(e, Column.OUT) : null;
        outVal = has(Column.OUT) ? e.listValues(Column.OUT) : null;
        payload = has(Column.PAYLOAD) ? payloadRows.load(e, Column.PAYLOAD) : null;
        payloadVal = has(Column.PAYLOAD) ? e.bytes(Column.PAYLOAD) : null;
        if (warm && n <= WARM_MAX_ROWS) warm();
    }

    /** Column c's rows in batch e, or null when c is not projected. */
    private LongRows longs(EventBatch e, Column c) {
        LongRows x = longRows[c.ordinal()];
        return x == null ? null : x.load(e, c);
    }

    /** Column c's rows in batch e, or null when c is not projected. */
    private NameRows names(EventBatch e, Column c) {
        NameRows x = nameRows[c.ordinal()];
        if (x == null) return null;
        names[c.ordinal()] = x;
        return x.load(e, c);
    }

    /**
     * Reads one value per cache line of every projected per-row array, column after column,
     * before the rows are read. The batch was written by the reader thread on another core;
     * row by row, a consumer touches a dozen columns at once, sparsely by kind, which the
     * hardware prefetcher does not follow, so each line would be a stall on its first use.
     * One stream at a time, the lines come in at memory bandwidth instead.
     */
    private void warm() {
        long sum = 0;
        for (int i = 0; i < n; i += 8) sum += seq[i];
        for (int i = 0; i < n; i += 16) sum += kind[i];
        for (LongRows c : longRows) {
            if (c != null) sum += c.warm(n);
        }
        for (NameRows c : nameRows) {
            if (c != null) sum += c.warm(n);
        }
        SpanRows[] spans = {args, out, payload};
        for (SpanRows a : spans) {
            if (a != null) sum += a.warm(n);
        }
        if (argsVal != null) {
            for (int i = 0, end = args.elements(n); i < end; i += 8) sum += argsVal[i];
        }
        if (outVal != null) {
            for (int i = 0, end = out.elements(n); i < end; i += 8) sum += outVal[i];
        }
        warmSink = sum;
    }

    private boolean has(Column c) {
        return columns.contains(c);
    }

    /** The batch under the cursor and the current row's index in it (for chain checks). */
    EventBatch batch() {
        return b;
    }

    @Override
    public int row() {
        return r;
    }

    @Override
    public long[] attached() {
        return attached;
    }

    @Override
    public int[] batchKinds() {
        return kind;
    }

    @Override
    public int batchSize() {
        return n;
    }

    @Override
    public void moveTo(int i) {
        if (i < r || i >= n) throw new IndexOutOfBoundsException("row " + i + " outside rows " + r + ".." + (n - 1) + " of the batch");
        r = i;
    }

    /** The array of a column for the accessors: fails loudly for a column outside the projection. */
    private <T> T need(T a, Column c) {
        if (a == null) {
            throw new IllegalStateException(columns.contains(c) ? "the cursor has no current row"
                    : "column " + c.columnName() + " is not in the cursor's projection");
        }
        return a;
    }

    private long get(LongRows rows, Column c) {
        return need(rows, c).get(r);
    }

    private String name(NameRows rows, Column c) {
        return need(rows, c).name(r);
    }

    private static int narrow(long v) {
        return v == TraceEvent.NULL ? TraceEvent.NULL_INT : (int) v;
    }

    @Override public int nameId(Column c) { return need(names[c.ordinal()], c).id(r); }
    @Override public String[] nameDictionary(Column c) {
        NameRows x = names[c.ordinal()];
        return x == null ? null : x.dictionary();
    }
    @Override public long seq() { return seq[r]; }
    @Override public long time() { return get(time, Column.TIME); }
    @Override public EventKind kind() { return KINDS[kind[r]]; }
    @Override public int cpu() { return narrow(get(cpu, Column.CPU)); }
    @Override public long causeSeq() { return get(causeSeq, Column.CAUSE_SEQ); }
    @Override public String cmd() { return name(cmd, Column.CMD); }
    @Override public long fid() { return get(fid, Column.FID); }
    @Override public String status() { return name(status, Column.STATUS); }
    @Override public int index() { return narrow(get(index, Column.INDEX)); }
    @Override public long realm() { return get(realm, Column.REALM); }
    @Override public long rec() { return get(rec, Column.REC); }
    @Override public long ipa() { return get(ipa, Column.IPA); }
    @Override public long pa() { return get(pa, Column.PA); }
    @Override public int level() { return narrow(get(level, Column.LEVEL)); }
    @Override public String from() { return name(from, Column.FROM); }
    @Override public String to() { return name(to, Column.TO); }
    @Override public String fromRipas() { return name(fromRipas, Column.FROM_RIPAS); }
    @Override public String toRipas() { return name(toRipas, Column.TO_RIPAS); }
    @Override public String pas() { return name(pas, Column.PAS); }
    @Override public String ripas() { return name(ripas, Column.RIPAS); }
    @Override public String exitReason() { return name(exitReason, Column.EXIT_REASON); }
    @Override public long esr() { return get(esr, Column.ESR); }
    @Override public long far() { return get(far, Column.FAR); }
    @Override public long hpfar() { return get(hpfar, Column.HPFAR); }
    @Override public String access() { return name(access, Column.ACCESS); }
    @Override public String half() { return name(half, Column.HALF); }
    @Override public String outcome() { return name(outcome, Column.OUTCOME); }
    @Override public long value() { return get(value, Column.VALUE); }
    @Override public int size() { return narrow(get(size, Column.SIZE)); }

    /** Reused array (valid until next()); null when the row has no args. */
    @Override
    public long[] args() {
        return list(need(args, Column.ARGS), argsVal, argsReuse);
    }

    /** Reused array (valid until next()); null when the row has no output registers. */
    @Override
    public long[] out() {
        return list(need(out, Column.OUT), outVal, outReuse);
    }

    /** Row r of a list column in the reused array of its length (a fresh one past MAX_REUSED_LIST). */
    private long[] list(SpanRows rows, long[] values, long[][] reuse) {
        int k = rows.span(r);
        if (k < 0) return null;
        int at = rows.start(k);
        int len = rows.length(k);
        long[] a;
        if (len >= reuse.length) {
            a = new long[len];
        } else {
            a = reuse[len];
            if (a == null) reuse[len] = a = new long[len];
        }
        System.arraycopy(values, at, a, 0, len);
        return a;
    }

    @Override
    public int argCount() {
        int k = need(args, Column.ARGS).span(r);
        return k < 0 ? -1 : args.length(k);
    }

    /** Register i of the row's args, read in place (no copy). */
    @Override
    public long arg(int i) {
        return element(need(args, Column.ARGS), argsVal, i, "argument register ");
    }

    @Override
    public int outCount() {
        int k = need(out, Column.OUT).span(r);
        return k < 0 ? -1 : out.length(k);
    }

    /** Register i of the row's output registers, read in place (no copy). */
    @Override
    public long out(int i) {
        return element(need(out, Column.OUT), outVal, i, "output register ");
    }

    /** Element i of the row's list, read in place. */
    private long element(SpanRows rows, long[] values, int i, String what) {
        int k = rows.span(r);
        if (i < 0 || k < 0 || i >= rows.length(k)) throw new IndexOutOfBoundsException(what + i);
        return values[rows.start(k) + i];
    }

    /** Copies straight from the batch's payload bytes (no reused array in between). */
    @Override
    public void copyPayload(int from, byte[] dst, int dstOff, int len) {
        int k = need(payload, Column.PAYLOAD).span(r);
        int have = k < 0 ? -1 : payload.length(k);
        if (from < 0 || len < 0 || from + len > have) {
            throw new IndexOutOfBoundsException("payload bytes " + from + ".." + (from + len) + " of " + have);
        }
        System.arraycopy(payloadVal, payload.start(k) + from, dst, dstOff, len);
    }

    @Override
    public int payloadLength() {
        int k = need(payload, Column.PAYLOAD).span(r);
        return k < 0 ? -1 : payload.length(k);
    }

    /** Reused array up to 64 KiB (valid until next()); null when the row has no payload. */
    @Override
    public byte[] payload() {
        int k = need(payload, Column.PAYLOAD).span(r);
        if (k < 0) return null;
        int at = payload.start(k);
        int len = payload.length(k);
        byte[] a;
        if (len > MAX_REUSED_PAYLOAD) {
            a = new byte[len];
        } else {
            if (len >= payloadReuse.length) payloadReuse = java.util.Arrays.copyOf(payloadReuse, len + 1);
            a = payloadReuse[len];
            if (a == null) payloadReuse[len] = a = new byte[len];
        }
        System.arraycopy(payloadVal, at, a, 0, len);
        return a;
    }

    @Override
    public TraceEvent toEvent() {
        if (!everyEventColumn) throw new IllegalStateException("toEvent() needs every event column; the cursor reads a projection");
        return b.event(r);
    }

    @Override
    public void close() throws IOException {
        if (checker != null) checker.shutdownNow();
        try {
            if (storage != null) storage.close();
        } finally {
            reader.close();
        }
    }
}
