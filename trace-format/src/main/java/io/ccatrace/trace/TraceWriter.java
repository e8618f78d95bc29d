package io.ccatrace.trace;

import java.io.Closeable;
import java.io.IOException;

/** Appends events (in seq order) to a trace; close() finishes the file and marks it complete. */
public interface TraceWriter extends Closeable {
    /**
     * Appends one row. The writer reads the row during the call and keeps nothing of it, so
     * the caller may reuse the object (and its arrays) for the next row.
     */
    void write(EventView row) throws IOException;

    /**
     * Ends the file without marking it complete, for a recording that failed part-way: the
     * rows written so far stay readable and every reader says the trace is incomplete (as after
     * a kill, docs/trace-format.md). After this, close() does nothing.
     */
    void abandon() throws IOException;
}
