package io.ccatrace.trace;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decodes batches on a reader thread of its own, one batch ahead of the caller: while the
 * caller works through batch k, the thread decodes batch k + 1 (and runs an optional
 * per-batch task on it, such as the integrity chain check), then waits until the caller asks
 * for it. Built on the {@link BatchReader#doubleBuffer} contract (a batch stays unchanged
 * until the call after the next one): the thread only calls the inner reader's next() again
 * after the caller has taken the batch before, i.e. finished with the one that call reuses.
 * So batches arrive in file order and the output does not depend on thread timing.
 *
 * <p>A failure on the reader thread (a corrupt page, an I/O error) is thrown by the caller's
 * next() as the same exception, so commands report it as they would without the thread.
 * {@link #close()} stops the thread (it finishes at most the batch it is decoding) and waits
 * for it before closing the inner reader: no thread outlives the reader.
 */
final class PrefetchReader implements BatchReader {
    private static final Object END = new Object();
    private static final long POLL_MS = 20;

    private final BatchReader inner;
    private final String file;
    private final Consumer<EventBatch> check;
    /** Hands one batch (or END, or the reader thread's Throwable) to the caller. */
    private final SynchronousQueue<Object> handoff = new SynchronousQueue<>();
    private Thread thread;
    private volatile boolean closed;
    private boolean ended;

    /**
     * @param inner a reader whose {@link BatchReader#doubleBuffer()} is true
     * @param file the file's name, for error messages
     * @param check the integrity chain check, run on each batch on the reader thread before
     *     it is handed over (null: none)
     */
    PrefetchReader(BatchReader inner, String file, Consumer<EventBatch> check) {
        if (!inner.doubleBuffer()) throw new IllegalArgumentException("the reader cannot keep two batches");
        this.inner = inner;
        this.file = file;
        this.check = check;
    }

    @Override
    public TraceMetadata metadata() {
        return inner.metadata();
    }

    /** Forwarded before the first next() (the reader thread starts there); ignored after. */
    @Override
    public void seek(long fromSeq) throws IOException {
        if (thread == null) inner.seek(fromSeq);
    }

    @Override
    public boolean doubleBuffer() {
        return true;
    }

    @Override
    public EventBatch next() throws IOException {
        if (ended) return null;
        if (thread == null) start();
        Object o;
        try {
            o = handoff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the trace reader thread");
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof Throwable) {
            ended = true;
            throw rethrow((Throwable) o);
        }
        return (EventBatch) o;
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException) return (IOException) t;
        if (t instanceof RuntimeException) throw (RuntimeException) t;
        if (t instanceof Error) throw (Error) t;
        return new IOException(t);
    }

    private void start() {
        thread = new Thread(this::run, "ccatrace-batch-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                EventBatch b = inner.next();
                if (b != null && check != null) check(b);
                if (!give(b == null ? END : b) || b == null) return;
            }
        } catch (Throwable t) {
            give(t);
        }
    }

    private void check(EventBatch b) throws TraceFormatException {
        try {
            check.accept(b);
        } catch (RuntimeException e) {
            throw new TraceFormatException(file + ": integrity chain check failed: " + VerifyingReader.describe(e), e);
        }
    }

    /** Waits until the caller takes o; false when the cursor was closed meanwhile. */
    private boolean give(Object o) {
        try {
            while (!closed) {
                if (handoff.offer(o, POLL_MS, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public boolean complete() {
        return inner.complete();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (thread != null) ThreadJoin.uninterruptibly(thread);
        inner.close();
    }

    /** Whether the reader thread has stopped (or never started). */
    boolean stopped() {
        return thread == null || !thread.isAlive();
    }
}
