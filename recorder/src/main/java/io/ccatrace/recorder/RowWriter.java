package io.ccatrace.recorder;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes each model event's row to a trace writer, on the thread that calls it: straight from
 * {@link EventRows#emit} into the writer's direct row path ({@link TraceWriter#columns}, Arrow)
 * when it has one, else through a reused {@link TraceRow}. A write failure is an
 * UncheckedIOException naming the event.
 */
final class RowWriter {
    private final TraceWriter writer;
    private final TraceRow row = new TraceRow();
    /** The writer's direct row path, or null. */
    private final ColumnSink columns;

    RowWriter(TraceWriter writer) {
        this.writer = writer;
        this.columns = writer.columns();
    }

    TraceWriter writer() {
        return writer;
    }

    void write(ModelEvent event) {
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
}
