package io.ccatrace.trace;

import java.io.Closeable;
import java.io.IOException;

/** Appends events (in seq order) to a trace; close() finishes the file and marks it complete. */
public interface TraceWriter extends Closeable {
    void write(TraceEvent event) throws IOException;
}
