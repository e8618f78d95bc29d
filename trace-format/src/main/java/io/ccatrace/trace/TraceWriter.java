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
     * Where to give the next row column by column (start first, then the columns it has),
     * for {@link #endRow} to append it: the same row as {@link #write} of those columns, in
     * the same bytes, without a row object. Null when this writer has no such path (then use
     * write). A row given but not ended is not appended.
     */
    default ColumnSink columns() {
        return null;
    }

    /** Appends the row given to {@link #columns} since its start (only when columns() is not null). */
    default void endRow() throws IOException {
        throw new UnsupportedOperationException("this trace writer takes rows through write only");
    }

    /**
     * Ends the file without marking it complete, for a recording that failed part-way: the
     * rows written so far stay readable and every reader says the trace is incomplete (as after
     * a kill, docs/trace-format.md). After this, close() does nothing.
     */
    void abandon() throws IOException;

    /**
     * Refuses a row whose seq does not come after the last one written (Long.MIN_VALUE: none
     * yet): every writer's one message for it, also where the order is checked before the
     * rows reach the writer (the recorder's writer thread).
     */
    static void checkOrder(long seq, long last) {
        if (seq <= last) {
            throw new IllegalArgumentException("seq " + seq + " after " + last
                    + ": events must be written in increasing seq order");
        }
    }
}
