package io.ccatrace.recorder;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.trace.TraceWriter;
import java.io.Closeable;
import java.io.IOException;

/**
 * Listens to the model and writes every event to a trace. The model never knows it is
 * recorded; a write failure surfaces as an UncheckedIOException from the emitting call.
 * Closing the recorder closes the writer, which marks the trace complete. Each event's row is
 * written by a {@link RowWriter}: on the model's thread, or with a writer thread on a thread
 * of the recorder's own ({@link WriterThread}: same rows in the same order, so the same
 * bytes; a write failure then surfaces from a later emitting call or from close).
 */
public final class Recorder implements EventListener, Closeable {
    private final RowWriter rows;
    /** The writer thread, or null when rows are written on the calling thread. */
    private final WriterThread thread;

    /** A recorder that writes on the calling thread. */
    public Recorder(TraceWriter writer) {
        this(writer, false);
    }

    /** A recorder that writes on a writer thread of its own when writerThread is set. */
    public Recorder(TraceWriter writer, boolean writerThread) {
        this.rows = new RowWriter(writer);
        this.thread = writerThread ? new WriterThread(rows) : null;
    }

    @Override
    public void onEvent(ModelEvent event) {
        if (thread == null) {
            rows.write(event);
        } else {
            thread.add(event);
        }
    }

    /**
     * Waits until every event is written, then closes the writer. When the writer thread
     * failed, the trace keeps the rows written before the failure, marked incomplete
     * (as {@link #abandon}), and its failure is thrown.
     */
    @Override
    public void close() throws IOException {
        if (thread != null) {
            try {
                thread.end();
            } catch (RuntimeException | Error e) {
                try {
                    rows.writer().abandon();
                } catch (IOException | RuntimeException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
        rows.writer().close();
    }

    /**
     * For a run that failed part-way: ends the trace with the events recorded so far, marked
     * incomplete (TraceWriter.abandon); a later close() does nothing. With a writer thread,
     * the events handed to it are written first (up to its failure, if it failed).
     */
    public void abandon() throws IOException {
        Throwable failed = null;
        if (thread != null) {
            try {
                thread.end();
            } catch (RuntimeException | Error e) {
                failed = e;
            }
        }
        rows.writer().abandon();
        if (failed instanceof Error) throw (Error) failed;
        if (failed != null) throw (RuntimeException) failed;
    }

    /** Whether the events are written on a writer thread. */
    public boolean hasWriterThread() {
        return thread != null;
    }

    /** Events written so far: by the writer thread (updated every few thousand), or -1 without one. */
    public long written() {
        return thread == null ? -1 : thread.written();
    }

    /** The writer thread's CPU time in ns once the recorder is closed or abandoned; -1 without one or before. */
    public long writerCpuNanos() {
        return thread == null ? -1 : thread.cpuNanos();
    }
}
