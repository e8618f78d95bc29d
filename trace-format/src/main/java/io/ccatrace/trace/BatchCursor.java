package io.ccatrace.trace;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The {@link TraceCursor} over a {@link BatchReader} of every column: reads the current
 * batch's arrays in place. The integrity chain of each batch is checked on a second thread
 * while this one reads the batch's rows and decodes the next (the reader double-buffers), so
 * the check costs little wall time on a machine with two free cores; warnings are still
 * given on the cursor's thread. Rows before {@code fromSeq} are skipped: whole batches by the
 * reader's {@link BatchReader#seek}, the rest by a binary search in the first batch.
 */
final class BatchCursor implements TraceCursor {
    private static final EventKind[] KINDS = EventKind.values();
    /** Payloads up to this length get a reused array; longer ones a fresh one. */
    private static final int MAX_REUSED_PAYLOAD = 1 << 16;
    /** Register lists up to this length get a reused array (they hold at most 31 registers). */
    private static final int MAX_REUSED_LIST = 64;

    private final BatchReader reader;
    private final String file;
    private final ChainCheck check;
    private final Consumer<String> warnings;
    private final boolean fromStart;
    private boolean warnedBreak;
    /** Runs the chain check of the batch being read while the cursor's thread goes on (null: same thread). */
    private final ExecutorService checker;
    private Future<?> pending;
    private long fromSeq;
    private EventBatch b;
    private int r;
    private int n;
    private boolean ended;
    private long[] seq, time, cpu, causeSeq, fid, index, realm, rec, ipa, pa, level, esr, far, hpfar, value, size;
    private int[] kind, cmd, status, from, to, fromRipas, toRipas, pas, ripas, exitReason, access, half, outcome;
    private String[] cmdN, statusN, fromN, toN, fromRipasN, toRipasN, pasN, ripasN, exitReasonN, accessN, halfN, outcomeN;
    private int[] argsOff, outOff, payloadOff;
    private boolean[] argsNull, outNull, payloadNull;
    private long[] argsVal, outVal;
    private byte[] payloadVal;
    private final long[][] argsReuse = new long[MAX_REUSED_LIST + 1][];
    private final long[][] outReuse = new long[MAX_REUSED_LIST + 1][];
    private byte[][] payloadReuse = new byte[0][];

    /**
     * @param check the chain check over every batch, or null when the reader checks the
     *     chain itself (the JSONL row path)
     */
    BatchCursor(BatchReader reader, String file, ChainCheck check, Consumer<String> warnings, long fromSeq)
            throws IOException {
        this.reader = reader;
        this.file = file;
        this.check = check;
        this.warnings = warnings;
        this.fromSeq = fromSeq;
        this.fromStart = fromSeq == Long.MIN_VALUE;
        this.checker = check != null && reader.doubleBuffer() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ccatrace-chain-check");
            t.setDaemon(true);
            return t;
        }) : null;
        if (fromSeq != Long.MIN_VALUE) reader.seek(fromSeq);
    }

    /** The columns a cursor needs from its reader. */
    static Set<Column> columns() {
        return Set.of(Column.values());
    }

    /** The file's metadata; after the end, from the start, also the end keys a stream lacks. */
    @Override
    public TraceMetadata metadata() {
        TraceMetadata m = reader.metadata();
        if (!ended || check == null || !fromStart) return m;
        if (m.get(TraceMetadata.EVENT_COUNT) == null) m = m.with(TraceMetadata.EVENT_COUNT, Long.toString(check.count()));
        if (m.get(TraceMetadata.COMPLETE) == null) m = m.with(TraceMetadata.COMPLETE, Boolean.toString(reader.complete()));
        if (m.get(TraceMetadata.DIGEST) == null) m = m.with(TraceMetadata.DIGEST, check.digestHex());
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
        if (check == null) return;
        awaitCheck();
        check.finish();
        warnBreak();
        if (!reader.complete()) {
            warnings.accept(file + ": trace is incomplete (the recording did not finish)"
                    + (fromStart ? ": " + check.count() + " events readable" : ""));
        }
    }

    private void warnBreak() {
        if (!warnedBreak && check.firstBreak() != null) {
            warnedBreak = true;
            warnings.accept(file + ": " + check.firstBreak());
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
        seq = e.longs(Column.SEQ);
        time = e.longs(Column.TIME);
        cpu = e.longs(Column.CPU);
        causeSeq = e.longs(Column.CAUSE_SEQ);
        fid = e.longs(Column.FID);
        index = e.longs(Column.INDEX);
        realm = e.longs(Column.REALM);
        rec = e.longs(Column.REC);
        ipa = e.longs(Column.IPA);
        pa = e.longs(Column.PA);
        level = e.longs(Column.LEVEL);
        esr = e.longs(Column.ESR);
        far = e.longs(Column.FAR);
        hpfar = e.longs(Column.HPFAR);
        value = e.longs(Column.VALUE);
        size = e.longs(Column.SIZE);
        kind = e.ids(Column.KIND);
        cmd = e.ids(Column.CMD);
        status = e.ids(Column.STATUS);
        from = e.ids(Column.FROM);
        to = e.ids(Column.TO);
        fromRipas = e.ids(Column.FROM_RIPAS);
        toRipas = e.ids(Column.TO_RIPAS);
        pas = e.ids(Column.PAS);
        ripas = e.ids(Column.RIPAS);
        exitReason = e.ids(Column.EXIT_REASON);
        access = e.ids(Column.ACCESS);
        half = e.ids(Column.HALF);
        outcome = e.ids(Column.OUTCOME);
        cmdN = e.names(Column.CMD);
        statusN = e.names(Column.STATUS);
        fromN = e.names(Column.FROM);
        toN = e.names(Column.TO);
        fromRipasN = e.names(Column.FROM_RIPAS);
        toRipasN = e.names(Column.TO_RIPAS);
        pasN = e.names(Column.PAS);
        ripasN = e.names(Column.RIPAS);
        exitReasonN = e.names(Column.EXIT_REASON);
        accessN = e.names(Column.ACCESS);
        halfN = e.names(Column.HALF);
        outcomeN = e.names(Column.OUTCOME);
        argsOff = e.offsets(Column.ARGS);
        argsNull = e.nulls(Column.ARGS);
        argsVal = e.listValues(Column.ARGS);
        outOff = e.offsets(Column.OUT);
        outNull = e.nulls(Column.OUT);
        outVal = e.listValues(Column.OUT);
        payloadOff = e.offsets(Column.PAYLOAD);
        payloadNull = e.nulls(Column.PAYLOAD);
        payloadVal = e.bytes(Column.PAYLOAD);
    }

    /** The batch under the cursor and the current row's index in it (for chain checks). */
    EventBatch batch() {
        return b;
    }

    int row() {
        return r;
    }

    private static String name(int[] ids, String[] dict, int r) {
        int id = ids[r];
        return id < 0 ? null : dict[id];
    }

    private static int narrow(long v) {
        return v == TraceEvent.NULL ? TraceEvent.NULL_INT : (int) v;
    }

    @Override public long seq() { return seq[r]; }
    @Override public long time() { return time[r]; }
    @Override public EventKind kind() { return KINDS[kind[r]]; }
    @Override public int cpu() { return narrow(cpu[r]); }
    @Override public long causeSeq() { return causeSeq[r]; }
    @Override public String cmd() { return name(cmd, cmdN, r); }
    @Override public long fid() { return fid[r]; }
    @Override public String status() { return name(status, statusN, r); }
    @Override public int index() { return narrow(index[r]); }
    @Override public long realm() { return realm[r]; }
    @Override public long rec() { return rec[r]; }
    @Override public long ipa() { return ipa[r]; }
    @Override public long pa() { return pa[r]; }
    @Override public int level() { return narrow(level[r]); }
    @Override public String from() { return name(from, fromN, r); }
    @Override public String to() { return name(to, toN, r); }
    @Override public String fromRipas() { return name(fromRipas, fromRipasN, r); }
    @Override public String toRipas() { return name(toRipas, toRipasN, r); }
    @Override public String pas() { return name(pas, pasN, r); }
    @Override public String ripas() { return name(ripas, ripasN, r); }
    @Override public String exitReason() { return name(exitReason, exitReasonN, r); }
    @Override public long esr() { return esr[r]; }
    @Override public long far() { return far[r]; }
    @Override public long hpfar() { return hpfar[r]; }
    @Override public String access() { return name(access, accessN, r); }
    @Override public String half() { return name(half, halfN, r); }
    @Override public String outcome() { return name(outcome, outcomeN, r); }
    @Override public long value() { return value[r]; }
    @Override public int size() { return narrow(size[r]); }

    /** Reused array (valid until next()); null when the row has no args. */
    @Override
    public long[] args() {
        return list(argsOff, argsNull, argsVal, argsReuse);
    }

    /** Reused array (valid until next()); null when the row has no output registers. */
    @Override
    public long[] out() {
        return list(outOff, outNull, outVal, outReuse);
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
        return payloadNull[r] ? -1 : payloadOff[r + 1] - payloadOff[r];
    }

    /** Reused array up to 64 KiB (valid until next()); null when the row has no payload. */
    @Override
    public byte[] payload() {
        if (payloadNull[r]) return null;
        int at = payloadOff[r];
        int len = payloadOff[r + 1] - at;
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
        return b.event(r);
    }

    @Override
    public void close() throws IOException {
        if (checker != null) checker.shutdownNow();
        reader.close();
    }
}
