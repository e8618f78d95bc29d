package io.ccatrace.replay.checkpoint;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The rows of a trace from the first with seq >= a given seq on. */
final class RowsFrom implements Closeable {
    private final TraceReader reader;
    private final long from;

    RowsFrom(Path trace, long from, Consumer<String> warnings) throws IOException {
        this.reader = TraceFiles.open(trace, warnings);
        this.from = from;
    }

    TraceMetadata metadata() {
        return reader.metadata();
    }

    /** The next row, or null at the end. */
    EventView next() throws IOException {
        while (reader.hasNext()) {
            EventView e = reader.next();
            if (e.seq() >= from) return e;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
