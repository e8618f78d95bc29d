package io.ccatrace.trace;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the events of one trace in seq order, in constant memory, whatever the file
 * format. Shaped like jdk.jfr.consumer.RecordingFile: open, loop, close.
 *
 * <pre>
 * try (TraceReader r = TraceFiles.open(path)) {
 *     while (r.hasNext()) { TraceEvent e = r.next(); ... }
 * }
 * </pre>
 */
public interface TraceReader extends Closeable {
    /** The trace's file metadata (format version, model, seed, ...). */
    TraceMetadata metadata();

    boolean hasNext() throws IOException;

    TraceEvent next() throws IOException;

    /**
     * After the end: whether the file was finished properly (false for a recording that did not
     * finish). Readers of events held elsewhere than in a file: true.
     */
    default boolean complete() {
        return true;
    }
}
