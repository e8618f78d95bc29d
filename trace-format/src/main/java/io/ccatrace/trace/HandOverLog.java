package io.ccatrace.trace;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A diagnostic of {@link PrefetchReader}'s hand-over, off unless the system property
 * {@value #PROPERTY} names a file (appended to; "-" is stderr): for each batch the caller
 * takes, how long it waited, what the reader thread was doing when the wait began, how much CPU
 * the reader thread got during the wait, and the collector's count and time during it; for
 * each batch the reader thread decodes, its wall and CPU time. One block per pass, written
 * when the reader is closed. When the property is not set no log object exists, so the
 * hand-over allocates and measures nothing.
 */
final class HandOverLog {
    static final String PROPERTY = "ccatrace.handover.log";

    /** What the reader thread is doing: decoding a batch (inner next()), its per-batch task, queueing it, a piece of look-ahead, parked on a full queue, done. */
    static final int DECODING = 0;
    static final int TASK = 1;
    static final int OFFERING = 2;
    static final int LOOKAHEAD = 3;
    static final int PARKED = 4;
    static final int ENDED = 5;
    private static final String[] STATES = {"decoding", "task", "offering", "lookahead", "parked", "ended"};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> GCS = ManagementFactory.getGarbageCollectorMXBeans();

    private final String target;
    private final long created = System.nanoTime();
    private volatile int state = DECODING;
    private volatile long readerId = -1;

    /** Reader side, per batch decoded: {wall ns, CPU ns, end (ns since created), rows} (only the reader thread writes; read after it stopped). */
    private long[] decodes = new long[4 * 256];
    private volatile int decoded;
    /** Caller side, per batch taken: {wait ns, reader state at its start (-1: none), reader CPU ns during it, GC count, GC ms, batches decoded at its start, taken at (ns since created)}. */
    private long[] takes = new long[7 * 256];
    private int taken;

    private HandOverLog(String target) {
        this.target = target;
    }

    /** A log when the property is set, else null. */
    static HandOverLog create() {
        String t = System.getProperty(PROPERTY);
        return t == null || t.isEmpty() ? null : new HandOverLog(t);
    }

    void state(int s) {
        state = s;
    }

    /** On the reader thread, before its first batch. */
    void readerStarted() {
        readerId = Thread.currentThread().getId();
    }

    /** On the reader thread: a batch of rows rows decoded (0: the end; -1: a piece of look-ahead), which began at wall w0 and reader CPU c0. */
    void decoded(long w0, long c0, int rows) {
        int i = decoded;
        decodes = room(decodes, 4 * i + 4);
        long now = System.nanoTime();
        decodes[4 * i] = now - w0;
        decodes[4 * i + 1] = THREADS.getCurrentThreadCpuTime() - c0;
        decodes[4 * i + 2] = now - created;
        decodes[4 * i + 3] = rows;
        decoded = i + 1;
    }

    private static long[] room(long[] a, int n) {
        return n <= a.length ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
    }

    static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Caller side, when a take found the queue empty: a snapshot {state, reader CPU, GC count, GC ms, batches decoded}. */
    long[] waitBegins() {
        long id = readerId;
        return new long[] {state, id < 0 ? 0 : THREADS.getThreadCpuTime(id), gcCount(), gcMs(), decoded};
    }

    /** Caller side: a batch taken after waiting ns (0: it was queued), with the snapshot of waitBegins (null: none). */
    void took(long ns, long[] begin) {
        int i = taken;
        takes = room(takes, 7 * i + 7);
        int k = 7 * i;
        takes[k] = ns;
        takes[k + 6] = System.nanoTime() - created;
        if (begin != null) {
            long id = readerId;
            takes[k + 1] = begin[0];
            takes[k + 2] = (id < 0 ? 0 : THREADS.getThreadCpuTime(id)) - begin[1];
            takes[k + 3] = gcCount() - begin[2];
            takes[k + 4] = gcMs() - begin[3];
            takes[k + 5] = begin[4];
        } else {
            takes[k + 1] = -1;
        }
        taken = i + 1;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean g : GCS) n += Math.max(0, g.getCollectionCount());
        return n;
    }

    private static long gcMs() {
        long n = 0;
        for (GarbageCollectorMXBean g : GCS) n += Math.max(0, g.getCollectionTime());
        return n;
    }

    /**
     * Writes the pass (after the reader thread stopped): a summary line, the waits of 0.1 ms
     * or more one per line, then every batch's decode times.
     */
    void write(String file) {
        try (PrintWriter w = "-".equals(target) ? new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), false)
                : new PrintWriter(new OutputStreamWriter(new FileOutputStream(target, true), StandardCharsets.UTF_8))) {
            long total = 0;
            long[] byState = new long[STATES.length + 1];
            for (int i = 1; i < taken; i++) {
                total += takes[7 * i];
                byState[(int) takes[7 * i + 1] + 1] += takes[7 * i];
            }
            long dw = 0;
            long dc = 0;
            long rows = 0;
            for (int i = 0; i < decoded; i++) {
                dw += decodes[4 * i];
                dc += decodes[4 * i + 1];
                rows += Math.max(0, decodes[4 * i + 3]);
            }
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "pass %s: %d batches taken, %d rows; first batch %.2f ms; later waits %.2f ms (",
                    file, taken, rows, taken > 0 ? takes[0] / 1e6 : 0.0, total / 1e6));
            for (int k = 0; k < STATES.length; k++) {
                if (byState[k + 1] > 0) s.append(String.format(Locale.ROOT, "%s %.2f ", STATES[k], byState[k + 1] / 1e6));
            }
            s.append(String.format(Locale.ROOT, "); reader decode wall %.1f ms, CPU %.1f ms", dw / 1e6, dc / 1e6));
            w.println(s);
            w.println("  wait: batch taken_at_ms wait_ms reader_state_at_start reader_cpu_ms_during decoded_at_start gc_count gc_ms");
            for (int i = 0; i < taken; i++) {
                int k = 7 * i;
                if (takes[k] < 100_000) continue;
                w.println(String.format(Locale.ROOT, "  wait: %d %.2f %.3f %s %.3f %d %d %d", i, takes[k + 6] / 1e6, takes[k] / 1e6,
                        takes[k + 1] < 0 ? "queued" : STATES[(int) takes[k + 1]], takes[k + 2] / 1e6, takes[k + 5], takes[k + 3], takes[k + 4]));
            }
            w.println("  decode: batch rows end_ms wall_ms cpu_ms (rows -1: a piece of look-ahead)");
            for (int i = 0; i < decoded; i++) {
                w.println(String.format(Locale.ROOT, "  decode: %d %d %.2f %.3f %.3f", i, decodes[4 * i + 3], decodes[4 * i + 2] / 1e6,
                        decodes[4 * i] / 1e6, decodes[4 * i + 1] / 1e6));
            }
        } catch (IOException e) {
            System.err.println("ccatrace: warning: hand-over log " + target + ": " + e.getMessage());
        }
    }
}
