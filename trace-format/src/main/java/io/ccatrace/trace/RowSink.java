package io.ccatrace.trace;

import java.io.IOException;

/**
 * The format-specific half of a writer: stores rows and, at the end, the end-of-trace
 * metadata. {@link ChainedWriter} feeds it and computes the integrity chain.
 */
public interface RowSink {
    /**
     * Stores one row. The sink reads the row during the call and keeps no reference to it or
     * its arrays (the caller may reuse them).
     */
    void write(EventView row) throws IOException;

    /** Sets the chain column of the row written last (a checkpoint row); called at most once per row. */
    void checkpoint(byte[] value) throws IOException;

    /** Writes the end of the trace (event count, complete flag, digest) and closes. */
    void finish(TraceMetadata end) throws IOException;

    /**
     * Ends a trace that did not finish: end has no complete flag, and the format must leave
     * the rows readable but the file incomplete. Formats whose completeness is that flag
     * (Parquet footer, JSONL trailer) finish as usual.
     */
    default void abandon(TraceMetadata end) throws IOException {
        finish(end);
    }

    /**
     * The sink's direct row path ({@link RowColumns}), or null when it takes rows only through
     * {@link #write}. Either path may be used for any row; both store a row the same way.
     */
    default RowColumns columns() {
        return null;
    }
}
