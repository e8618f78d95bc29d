package io.ccatrace.replay.checkpoint;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The rows of a trace from the first with seq >= a given seq on, through the trace readers'
 * row cursor: Arrow batches and Parquet row groups wholly before that seq are skipped
 * without being decoded, and no object is made per row (the view is reused).
 */
final class RowsFrom implements Closeable {
    private final TraceCursor cursor;

    RowsFrom(Path trace, long from, Consumer<String> warnings) throws IOException {
        this.cursor = TraceFiles.openCursor(trace, from, warnings);
    }

    TraceMetadata metadata() {
        return cursor.metadata();
    }

    /** The next row (a view valid until the next call), or null at the end. */
    EventView next() throws IOException {
        return cursor.next() ? cursor : null;
    }

    @Override
    public void close() throws IOException {
        cursor.close();
    }
}
