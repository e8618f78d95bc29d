package io.ccatrace.trace;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Decodes batches on a reader thread of its own, ahead of the caller: while the caller works
 * through batch k, the thread decodes batches k + 1 .. k + depth - 1 (and runs an optional
 * per-batch task on each, such as the replay's content hash) and queues them. Built on the
 * {@link BatchReader#keep} contract (a batch stays unchanged until depth - 1 further calls):
 * the queue holds at most depth - 2 batches, so the thread only calls the inner reader's next()
 * again once the caller has taken every batch but the depth - 1 last ones, i.e. finished with
 * the one that call reuses. So batches arrive in file order and the output does not depend on
 * thread timing. Several batches ahead, the caller does not wait when one batch costs the
 * thread much more than the others (a page of every column decoded at once, a row group
 * opened) or the thread is briefly off its core.
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
    private final Consumer<EventBatch> task;
    /**
     * Hands batches (or END, or the reader thread's Throwable) to the caller, in order: a ring
     * when batches may be queued, else (one batch ahead) a direct hand-over.
     */
    private final ReadAheadQueue queue;
    private final SynchronousQueue<Object> direct;
    /**
     * Whether the thread does later work while the queue is full ({@link BatchReader#lookAhead}):
     * only with batches queued, which the caller reads meanwhile; one batch ahead, the caller
     * could come for the batch in the middle of that work and wait for it.
     */
    private final boolean lookAhead;
    private Thread thread;
    private volatile boolean closed;
    private boolean ended;
    /** The hand-over diagnostic ({@link HandOverLog#PROPERTY}), or null (the default). */
    private final HandOverLog log = HandOverLog.create();

    /**
     * @param inner a reader whose {@link BatchReader#doubleBuffer()} is true
     * @param file the file's name, for error messages
     * @param task per-batch work run on each batch on the reader thread before it is handed
     *     over (null: none); the cursor checks the integrity chain on a thread of its own
     */
    PrefetchReader(BatchReader inner, String file, Consumer<EventBatch> task) {
        this(inner, file, task, 2);
    }

    /**
     * As {@link #PrefetchReader(BatchReader, String, Consumer)}, up to depth - 1 batches ahead
     * of the one the caller reads (depth at least 2; fewer when the inner reader keeps fewer
     * batch objects).
     */
    PrefetchReader(BatchReader inner, String file, Consumer<EventBatch> task, int depth) {
        if (depth < 2) throw new IllegalArgumentException("read-ahead depth below 2: " + depth);
        int kept = inner.keep(depth);
        if (kept < 2) throw new IllegalArgumentException("the reader cannot keep two batches");
        int queued = Math.min(depth, kept) - 2;
        this.queue = queued == 0 ? null : new ReadAheadQueue(queued);
        this.direct = queued == 0 ? new SynchronousQueue<>() : null;
        this.lookAhead = queued > 0;
        this.inner = inner;
        this.file = file;
        this.task = task;
    }

    @Override
    public TraceMetadata metadata() {
        return inner.metadata();
    }

    /**
     * Starts the reader thread now rather than at the first next(), so the first batch is
     * decoded while the caller finishes opening (after this, {@link #seek} does nothing).
     */
    void begin() {
        if (thread == null && !ended) start();
    }

    /** Forwarded before the reader thread starts ({@link #begin} or the first next()); ignored after. */
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
            o = log == null ? take() : loggedTake();
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

    private Object take() throws InterruptedException {
        return queue != null ? queue.take() : direct.take();
    }

    private Object loggedTake() throws InterruptedException {
        Object o = queue != null ? queue.poll() : direct.poll();
        if (o != null) {
            log.took(0, null);
            return o;
        }
        long[] begin = log.waitBegins();
        long t0 = System.nanoTime();
        o = take();
        log.took(System.nanoTime() - t0, begin);
        return o;
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
        if (log != null) log.readerStarted();
        try {
            while (!closed) {
                EventBatch b = log == null ? inner.next() : loggedNext();
                if (b != null && task != null) {
                    if (log != null) log.state(HandOverLog.TASK);
                    runTask(b);
                }
                if (!give(b == null ? END : b)) return;
                if (b == null) break;
            }
        } catch (Throwable t) {
            if (!give(t)) return;
        }
        if (log != null) log.state(HandOverLog.ENDED);
        // stays until close(), so its CPU time can still be read after the last batch
        while (!closed) LockSupport.park(this);
    }

    private EventBatch loggedNext() throws IOException {
        log.state(HandOverLog.DECODING);
        long w0 = System.nanoTime();
        long c0 = HandOverLog.cpuNow();
        EventBatch b = inner.next();
        log.decoded(w0, c0, b == null ? 0 : b.size());
        return b;
    }

    private boolean loggedLookAhead() {
        long w0 = System.nanoTime();
        long c0 = HandOverLog.cpuNow();
        boolean did = inner.lookAhead();
        if (did) log.decoded(w0, c0, -1);
        return did;
    }

    private void runTask(EventBatch b) throws TraceFormatException {
        try {
            task.accept(b);
        } catch (RuntimeException e) {
            throw new TraceFormatException(file + ": reading ahead failed: " + VerifyingReader.describe(e), e);
        }
    }

    /**
     * Queues o, waiting for room (one batch ahead: until the caller takes it; with batches
     * queued: on a full queue, until the caller has taken it down to half); false when the
     * cursor was closed meanwhile. While the
     * queue is full (batches queued: {@link #lookAhead}), the inner reader does the work of later batches piece by piece
     * ({@link BatchReader#lookAhead}), so no single batch costs this thread a row group's
     * worth at once: the caller would wait for it once the queued batches ran out.
     */
    private boolean give(Object o) {
        try {
            boolean ahead = lookAhead && o instanceof EventBatch;
            while (!closed) {
                if (log != null) log.state(HandOverLog.OFFERING);
                if (queue != null ? queue.offer(o) : direct.offer(o)) return true;
                if (log != null) log.state(HandOverLog.LOOKAHEAD);
                if (ahead && (log == null ? inner.lookAhead() : loggedLookAhead())) continue;
                ahead = false;
                if (log != null) log.state(HandOverLog.PARKED);
                if (queue != null) {
                    queue.awaitRoom(TimeUnit.MILLISECONDS.toNanos(POLL_MS));
                } else if (direct.offer(o, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
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
        if (thread != null) {
            LockSupport.unpark(thread);
            ThreadJoin.uninterruptibly(thread);
            if (log != null) log.write(file);
        }
        inner.close();
    }

    /** Whether the reader thread has stopped (or never started). */
    boolean stopped() {
        return thread == null || !thread.isAlive();
    }
}
