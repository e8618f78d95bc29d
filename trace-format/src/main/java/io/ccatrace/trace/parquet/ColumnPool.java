package io.ccatrace.trace.parquet;

import io.ccatrace.trace.EventBatch;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes the columns of one batch on helper threads and the caller together: {@link #start}
 * hands the batch to the helpers, which take columns one at a time from a shared counter;
 * {@link #finish} makes the caller take the columns still left, then waits for the helpers.
 * A column is decoded by one thread per batch, and every batch's work happens after the
 * previous batch's finish, so each column decoder is used by one thread at a time, in row
 * order. Failures are reported by finish, the first column's in schema order, so the error
 * does not depend on which thread met it.
 */
final class ColumnPool implements AutoCloseable {
    private final PageColumn[] decoders;
    private final ExecutorService helpers;
    private final Future<?>[] running;
    private final Throwable[] errors;
    private final AtomicInteger next = new AtomicInteger();
    private EventBatch batch;
    private int rows;

    ColumnPool(PageColumn[] decoders, int helperThreads) {
        this.decoders = decoders;
        this.errors = new Throwable[decoders.length];
        this.running = new Future<?>[helperThreads];
        this.helpers = Executors.newFixedThreadPool(helperThreads, r -> {
            Thread t = new Thread(r, "ccatrace-parquet-columns");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts decoding n rows of every column into b on the helper threads. */
    void start(EventBatch b, int n) {
        batch = b;
        rows = n;
        java.util.Arrays.fill(errors, null);
        next.set(0);
        for (int i = 0; i < running.length; i++) running[i] = helpers.submit(this::work);
    }

    /** Decodes the columns no helper has taken, waits for the helpers, and reports the first failure. */
    void finish() throws IOException {
        work();
        await();
        for (Throwable t : errors) {
            if (t == null) continue;
            if (t instanceof IOException) throw (IOException) t;
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
            throw new UncheckedIOException(new IOException(t));
        }
    }

    private void work() {
        for (int c = next.getAndIncrement(); c < decoders.length; c = next.getAndIncrement()) {
            try {
                decoders[c].fill(batch, rows);
            } catch (Throwable t) {
                errors[c] = t;
            }
        }
    }

    private void await() throws IOException {
        for (int i = 0; i < running.length; i++) {
            if (running[i] == null) continue;
            try {
                running[i].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while decoding columns");
            } catch (ExecutionException e) {
                throw new IllegalStateException("column helper failed", e.getCause());
            }
            running[i] = null;
        }
    }

    /** Waits for any batch still being decoded (its result is dropped), then stops the helpers. */
    @Override
    public void close() throws IOException {
        try {
            next.set(decoders.length);
            await();
        } finally {
            helpers.shutdown();
        }
    }
}
