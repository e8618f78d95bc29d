package io.ccatrace.recorder;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.TraceWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Listens to the model and writes every event to a trace. The model never knows it is
 * recorded; a write failure surfaces as an UncheckedIOException from the emitting call.
 * Closing the recorder closes the writer, which marks the trace complete. A writer with a
 * direct row path ({@link TraceWriter#columns}, Arrow) gets each event's columns straight
 * from {@link EventRows#emit}; any other gets a reused {@link TraceRow}.
 */
public final class Recorder implements EventListener, Closeable {
    private final TraceWriter writer;
    private final TraceRow row = new TraceRow();
    /** The writer's direct row path, or null. */
    private final ColumnSink columns;

    public Recorder(TraceWriter writer) {
        this.writer = writer;
        this.columns = writer.columns();
    }

    @Override
    public void onEvent(ModelEvent event) {
        try {
            if (columns != null) {
                EventRows.emit(columns, event);
                writer.endRow();
            } else {
                EventRows.fill(row, event);
                writer.write(row); // the writer keeps nothing of the row (TraceWriter contract)
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace event " + event.seq(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write trace event " + event.seq(), e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /**
     * For a run that failed part-way: ends the trace with the events recorded so far, marked
     * incomplete (TraceWriter.abandon); a later close() does nothing.
     */
    public void abandon() throws IOException {
        writer.abandon();
    }
}
