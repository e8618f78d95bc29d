package io.ccatrace.trace;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams a trace as {@link EventBatch}es of projected columns, in constant memory. Unlike
 * {@link TraceReader} it does not recompute the integrity chain (it does not read every
 * column); run {@code ccatrace verify} for that.
 */
public interface BatchReader extends Closeable {
    TraceMetadata metadata();

    /** The next batch (the same object, refilled), or null at the end. */
    EventBatch next() throws IOException;
}
