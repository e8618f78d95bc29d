package io.ccatrace.trace.arrow;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DirectFile}'s writes on a thread of their own, one at a time: the caller fills its next
 * buffer while the device takes the last one (an O_DIRECT write returns only when the device
 * has the data). The thread mostly waits; its CPU time is counted ({@link #cpuNanos}) so that
 * benchmarks can add it to the recording's.
 */
final class BackgroundWrites implements AutoCloseable {
    private static final AtomicLong CPU = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ccatrace-direct-io");
        t.setDaemon(true);
        return t;
    });
    private Future<?> pending;

    /** The CPU time (ns) every such thread of this process has spent so far. */
    static long cpuNanos() {
        return CPU.get();
    }

    /** Starts writing buf[0, len) at file offset at; buf must stay untouched until the next {@link #await}. */
    void start(FileChannel ch, ByteBuffer buf, int len, long at) {
        pending = thread.submit(() -> {
            long c0 = THREADS.getCurrentThreadCpuTime();
            try {
                ByteBuffer w = buf.duplicate();
                w.position(0).limit(len);
                while (w.hasRemaining()) ch.write(w, at + w.position());
            } finally {
                CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            }
            return null;
        });
    }

    /** Waits for the write in flight, if any, and throws its failure. */
    void await() throws IOException {
        Future<?> f = pending;
        if (f == null) return;
        pending = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the trace was written");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) throw (IOException) c;
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            if (c instanceof Error) throw (Error) c;
            throw new IOException(c);
        }
    }

    /** Waits for the write in flight (its failure, if any, was or will be reported by the caller) and stops the thread. */
    @Override
    public void close() {
        try {
            await();
        } catch (IOException | RuntimeException e) {
            // the sink is closing after a failure: the first one is what the caller reports
        } finally {
            thread.shutdownNow();
        }
    }
}
