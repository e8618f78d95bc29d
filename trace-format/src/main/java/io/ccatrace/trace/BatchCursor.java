package io.ccatrace.trace;

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
    private final boolean checkOnReader;
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
    private long[] seq, time, cpu, causeSeq, fid, index, realm, rec, ipa, pa, level, esr, far, hpfar, value, size;
    private int[] kind, cmd, status, from, to, fromRipas, toRipas, pas, ripas, exitReason, access, half, outcome;
    private String[] cmdN, statusN, fromN, toN, fromRipasN, toRipasN, pasN, ripasN, exitReasonN, accessN, halfN, outcomeN;
    /** Ids and dictionary of each projected NAME column, by column ordinal (for {@link #nameId}). */
    private final int[][] nameIds = new int[Column.values().length][];
    private final String[][] nameDicts = new String[Column.values().length][];
    private int[] argsOff, outOff, payloadOff, payloadAt;
    private boolean[] argsNull, outNull, payloadNull;
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
     * @param checkOnReader whether the reader runs the check on its own thread (a
     *     {@link PrefetchReader} given {@code check::accept}); else the cursor runs it
     */
    BatchCursor(BatchReader reader, String file, Set<Column> columns, ChainCheck check, boolean checkOnReader,
                boolean readerWarns, Consumer<String> warnings, long fromSeq) throws IOException {
        this.reader = reader;
        this.file = file;
        this.columns = Set.copyOf(columns);
        this.everyEventColumn = columns.containsAll(eventColumns());
        this.check = check;
        this.readerWarns = readerWarns;
        this.checkOnReader = checkOnReader;
        this.warnings = warnings;
        this.fromSeq = fromSeq;
        this.fromStart = fromSeq == Long.MIN_VALUE;
        this.warm = reader instanceof PrefetchReader;
        this.checker = check != null && !checkOnReader && reader.doubleBuffer() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ccatrace-chain-check");
            t.setDaemon(true);
            return t;
        }) : null;
        if (fromSeq != Long.MIN_VALUE) reader.seek(fromSeq);
    }

    /**
     * Has a projection's integrity checked by a storage-digest check (started by the caller,
     * closed with the cursor): its break is warned between batches once the check has ended,
     * and at the end at the latest.
     */
    void watch(StorageCheck s) {
        storage = s;
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

    /** The first break of the integrity chain seen so far, or null (null too when not checked here). */
    public String chainBreak() {
        return check == null ? null : check.firstBreak();
    }

    @Override
    public boolean next() throws IOException {
        if (++r < n) return true;
        while (!ended) {
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
                    if (!checkOnReader) check.accept(next);
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
            check.finish();
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
        time = has(Column.TIME) ? e.longs(Column.TIME) : null;
        cpu = has(Column.CPU) ? e.longs(Column.CPU) : null;
        causeSeq = has(Column.CAUSE_SEQ) ? e.longs(Column.CAUSE_SEQ) : null;
        fid = has(Column.FID) ? e.longs(Column.FID) : null;
        index = has(Column.INDEX) ? e.longs(Column.INDEX) : null;
        realm = has(Column.REALM) ? e.longs(Column.REALM) : null;
        rec = has(Column.REC) ? e.longs(Column.REC) : null;
        ipa = has(Column.IPA) ? e.longs(Column.IPA) : null;
        pa = has(Column.PA) ? e.longs(Column.PA) : null;
        level = has(Column.LEVEL) ? e.longs(Column.LEVEL) : null;
        esr = has(Column.ESR) ? e.longs(Column.ESR) : null;
        far = has(Column.FAR) ? e.longs(Column.FAR) : null;
        hpfar = has(Column.HPFAR) ? e.longs(Column.HPFAR) : null;
        value = has(Column.VALUE) ? e.longs(Column.VALUE) : null;
        size = has(Column.SIZE) ? e.longs(Column.SIZE) : null;
        kind = e.ids(Column.KIND);
        cmd = has(Column.CMD) ? e.ids(Column.CMD) : null;
        status = has(Column.STATUS) ? e.ids(Column.STATUS) : null;
        from = has(Column.FROM) ? e.ids(Column.FROM) : null;
        to = has(Column.TO) ? e.ids(Column.TO) : null;
        fromRipas = has(Column.FROM_RIPAS) ? e.ids(Column.FROM_RIPAS) : null;
        toRipas = has(Column.TO_RIPAS) ? e.ids(Column.TO_RIPAS) : null;
        pas = has(Column.PAS) ? e.ids(Column.PAS) : null;
        ripas = has(Column.RIPAS) ? e.ids(Column.RIPAS) : null;
        exitReason = has(Column.EXIT_REASON) ? e.ids(Column.EXIT_REASON) : null;
        access = has(Column.ACCESS) ? e.ids(Column.ACCESS) : null;
        half = has(Column.HALF) ? e.ids(Column.HALF) : null;
        outcome = has(Column.OUTCOME) ? e.ids(Column.OUTCOME) : null;
        cmdN = has(Column.CMD) ? e.names(Column.CMD) : null;
        statusN = has(Column.STATUS) ? e.names(Column.STATUS) : null;
        fromN = has(Column.FROM) ? e.names(Column.FROM) : null;
        toN = has(Column.TO) ? e.names(Column.TO) : null;
        fromRipasN = has(Column.FROM_RIPAS) ? e.names(Column.FROM_RIPAS) : null;
        toRipasN = has(Column.TO_RIPAS) ? e.names(Column.TO_RIPAS) : null;
        pasN = has(Column.PAS) ? e.names(Column.PAS) : null;
        ripasN = has(Column.RIPAS) ? e.names(Column.RIPAS) : null;
        exitReasonN = has(Column.EXIT_REASON) ? e.names(Column.EXIT_REASON) : null;
        accessN = has(Column.ACCESS) ? e.names(Column.ACCESS) : null;
        halfN = has(Column.HALF) ? e.names(Column.HALF) : null;
        outcomeN = has(Column.OUTCOME) ? e.names(Column.OUTCOME) : null;
        argsOff = has(Column.ARGS) ? e.offsets(Column.ARGS) : null;
        argsNull = has(Column.ARGS) ? e.nulls(Column.ARGS) : null;
        argsVal = has(Column.ARGS) ? e.listValues(Column.ARGS) : null;
        outOff = has(Column.OUT) ? e.offsets(Column.OUT) : null;
        outNull = has(Column.OUT) ? e.nulls(Column.OUT) : null;
        outVal = has(Column.OUT) ? e.listValues(Column.OUT) : null;
        payloadOff = has(Column.PAYLOAD) ? e.offsets(Column.PAYLOAD) : null;
        payloadAt = has(Column.PAYLOAD) ? e.starts(Column.PAYLOAD) : null;
        payloadNull = has(Column.PAYLOAD) ? e.nulls(Column.PAYLOAD) : null;
        payloadVal = has(Column.PAYLOAD) ? e.bytes(Column.PAYLOAD) : null;
        for (Column c : NAME_COLUMNS) {
            nameIds[c.ordinal()] = has(c) ? e.ids(c) : null;
            nameDicts[c.ordinal()] = has(c) ? e.names(c) : null;
        }
        if (warm && n <= WARM_MAX_ROWS) warm();
    }

    private static final Column[] NAME_COLUMNS = java.util.Arrays.stream(Column.values())
            .filter(c -> c.type() == Column.Type.NAME).toArray(Column[]::new);

    /**
     * Reads one value per cache line of every projected per-row array, column after column,
     * before the rows are read. The batch was written by the reader thread on another core;
     * row by row, a consumer touches a dozen columns at once, sparsely by kind, which the
     * hardware prefetcher does not follow, so each line would be a stall on its first use.
     * One stream at a time, the lines come in at memory bandwidth instead.
     */
    private void warm() {
        long sum = 0;
        long[][] longCols = {seq, causeSeq, fid, index, realm, rec, ipa, pa, level, esr, hpfar, value, size, time, cpu, far};
        for (long[] a : longCols) {
            if (a == null) continue;
            for (int i = 0; i < n; i += 8) sum += a[i];
        }
        int[][] intCols = {kind, cmd, status, from, to, fromRipas, toRipas, pas, ripas, exitReason, access, half, outcome,
            argsOff, outOff, payloadOff};
        for (int[] a : intCols) {
            if (a == null) continue;
            for (int i = 0; i < n; i += 16) sum += a[i];
        }
        if (argsVal != null) {
            for (int i = 0, end = argsOff[n]; i < end; i += 8) sum += argsVal[i];
        }
        if (outVal != null) {
            for (int i = 0, end = outOff[n]; i < end; i += 8) sum += outVal[i];
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

    /** The array of a column for the accessors: fails loudly for a column outside the projection. */
    private <T> T need(T a, Column c) {
        if (a == null) {
            throw new IllegalStateException(columns.contains(c) ? "the cursor has no current row"
                    : "column " + c.columnName() + " is not in the cursor's projection");
        }
        return a;
    }

    private String name(int[] ids, String[] dict, Column c) {
        int id = need(ids, c)[r];
        return id < 0 ? null : dict[id];
    }

    private static int narrow(long v) {
        return v == TraceEvent.NULL ? TraceEvent.NULL_INT : (int) v;
    }

    @Override public int nameId(Column c) { return need(nameIds[c.ordinal()], c)[r]; }
    @Override public String[] nameDictionary(Column c) { return nameDicts[c.ordinal()]; }
    @Override public long seq() { return seq[r]; }
    @Override public long time() { return need(time, Column.TIME)[r]; }
    @Override public EventKind kind() { return KINDS[kind[r]]; }
    @Override public int cpu() { return narrow(need(cpu, Column.CPU)[r]); }
    @Override public long causeSeq() { return need(causeSeq, Column.CAUSE_SEQ)[r]; }
    @Override public String cmd() { return name(cmd, cmdN, Column.CMD); }
    @Override public long fid() { return need(fid, Column.FID)[r]; }
    @Override public String status() { return name(status, statusN, Column.STATUS); }
    @Override public int index() { return narrow(need(index, Column.INDEX)[r]); }
    @Override public long realm() { return need(realm, Column.REALM)[r]; }
    @Override public long rec() { return need(rec, Column.REC)[r]; }
    @Override public long ipa() { return need(ipa, Column.IPA)[r]; }
    @Override public long pa() { return need(pa, Column.PA)[r]; }
    @Override public int level() { return narrow(need(level, Column.LEVEL)[r]); }
    @Override public String from() { return name(from, fromN, Column.FROM); }
    @Override public String to() { return name(to, toN, Column.TO); }
    @Override public String fromRipas() { return name(fromRipas, fromRipasN, Column.FROM_RIPAS); }
    @Override public String toRipas() { return name(toRipas, toRipasN, Column.TO_RIPAS); }
    @Override public String pas() { return name(pas, pasN, Column.PAS); }
    @Override public String ripas() { return name(ripas, ripasN, Column.RIPAS); }
    @Override public String exitReason() { return name(exitReason, exitReasonN, Column.EXIT_REASON); }
    @Override public long esr() { return need(esr, Column.ESR)[r]; }
    @Override public long far() { return need(far, Column.FAR)[r]; }
    @Override public long hpfar() { return need(hpfar, Column.HPFAR)[r]; }
    @Override public String access() { return name(access, accessN, Column.ACCESS); }
    @Override public String half() { return name(half, halfN, Column.HALF); }
    @Override public String outcome() { return name(outcome, outcomeN, Column.OUTCOME); }
    @Override public long value() { return need(value, Column.VALUE)[r]; }
    @Override public int size() { return narrow(need(size, Column.SIZE)[r]); }

    /** Reused array (valid until next()); null when the row has no args. */
    @Override
    public long[] args() {
        return list(need(argsOff, Column.ARGS), argsNull, argsVal, argsReuse);
    }

    /** Reused array (valid until next()); null when the row has no output registers. */
    @Override
    public long[] out() {
        return list(need(outOff, Column.OUT), outNull, outVal, outReuse);
    }

    /** Row r of a list column in the reused array of its length (a fresh one past MAX_REUSED_LIST). */
    private long[] list(int[] off, boolean[] none, long[] values, long[][] reuse) {
        if (none[r]) return null;
        int at = off[r];
        int len = off[r + 1] - at;
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
    public int payloadLength() {
        return need(payloadNull, Column.PAYLOAD)[r] ? -1 : payloadOff[r + 1] - payloadOff[r];
    }

    /** Reused array up to 64 KiB (valid until next()); null when the row has no payload. */
    @Override
    public byte[] payload() {
        if (need(payloadNull, Column.PAYLOAD)[r]) return null;
        int at = payloadAt[r];
        int len = payloadOff[r + 1] - payloadOff[r];
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
