package io.ccatrace.recorder;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.trace.ThreadJoin;
import io.ccatrace.trace.TraceWriter;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The recorder's writer thread: the model's events are handed over by reference, {@value #CHUNK}
 * at a time, and the writer thread writes them with the same {@link RowWriter} the recorder
 * uses on its own thread, in the same order, so the trace is the same bytes (the events are
 * immutable: {@link ModelEvent}'s contract). On the calling thread an event costs a seq check
 * and an array store. Memory is bounded: {@value #CHUNKS} chunks are recycled (at most
 * {@value #CHUNKS} x {@value #CHUNK} events wait), and the caller waits when all are queued.
 *
 * <p>Failures: the seq order and a closed recorder are checked on the calling thread, with
 * the writer's messages. A failure on the writer thread (an I/O error) stops it there; the
 * caller throws it at its next hand-off, or at the end ({@link #end}); it never waits for a
 * thread that has stopped. The rows written before the failure are in the trace, as when the
 * failure happens on the calling thread.
 */
final class WriterThread {
    static final int CHUNK = 4096;
    static final int CHUNKS = 8;
    /** How long the caller waits for a free chunk before it looks at the failure flag again. */
    private static final long WAIT_MS = 10;
    private static final ModelEvent[] END = new ModelEvent[0];
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final RowWriter rows;
    /** Chunks handed over (a partial one ends at its first null), then END. */
    private final ArrayBlockingQueue<ModelEvent[]> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final ArrayBlockingQueue<ModelEvent[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private ModelEvent[] chunk = new ModelEvent[CHUNK];
    private int size;
    private long lastSeq = Long.MIN_VALUE;
    private boolean ended;
    private boolean reported;
    private volatile Throwable failure;
    /** Events written so far (only the writer thread writes it). */
    private volatile long written;
    /** The writer thread's CPU time, once it has ended (-1 before or unknown). */
    private volatile long cpuNanos = -1;

    WriterThread(RowWriter rows) {
        this.rows = rows;
        for (int i = 1; i < CHUNKS; i++) free.add(new ModelEvent[CHUNK]);
        thread = new Thread(this::run, "ccatrace-trace-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Caller: queues the event for the writer thread. */
    void add(ModelEvent e) {
        if (ended) throw new IllegalStateException("trace writer is closed");
        if (size == CHUNK) handOff();
        long seq = e.seq();
        TraceWriter.checkOrder(seq, lastSeq);
        lastSeq = seq;
        chunk[size++] = e;
    }

    /** Queues the full chunk (unless a failure stopped the writer thread) and takes a free one. */
    private void handOff() {
        throwFailure();
        if (chunk != null) full.add(chunk); // never full: it holds all CHUNKS chunks and END at most
        chunk = null;
        chunk = nextFree();
        size = 0;
    }

    private ModelEvent[] nextFree() {
        try {
            while (true) {
                ModelEvent[] c = free.poll(WAIT_MS, TimeUnit.MILLISECONDS);
                if (c != null) return c;
                throwFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while handing events to the trace writer"));
        }
    }

    private void throwFailure() {
        Throwable f = failure;
        if (f == null) return;
        reported = true;
        if (f instanceof UncheckedIOException) throw new UncheckedIOException(f.getMessage(), ((UncheckedIOException) f).getCause());
        if (f instanceof RuntimeException) throw (RuntimeException) f;
        if (f instanceof Error) throw (Error) f;
        throw new IllegalStateException("the trace writer thread failed: " + f, f);
    }

    /**
     * Caller: hands over the last events and waits until the writer thread has written them
     * (or has stopped on a failure). Throws a failure of the writer thread that was not thrown
     * before; a second call does nothing.
     */
    void end() {
        if (ended) return;
        ended = true;
        if (size > 0 && chunk != null && failure == null) full.add(chunk);
        full.add(END);
        ThreadJoin.uninterruptibly(thread);
        chunk = null;
        if (!reported) throwFailure();
    }

    /** Events the writer thread has written so far (updated per chunk). */
    long written() {
        return written;
    }

    /** The writer thread's CPU time in ns once {@link #end} has returned, or -1. */
    long cpuNanos() {
        return cpuNanos;
    }

    private void run() {
        long c0 = THREADS.getCurrentThreadCpuTime();
        try {
            while (true) {
                ModelEvent[] c = full.take();
                if (c == END) return;
                int n = 0;
                while (n < c.length && c[n] != null) rows.write(c[n++]);
                Arrays.fill(c, 0, n, null); // no event stays reachable from a free chunk
                written += n;
                free.add(c);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            long c1 = THREADS.getCurrentThreadCpuTime();
            cpuNanos = c0 < 0 || c1 < 0 ? -1 : c1 - c0;
        }
    }
}
