package io.ccatrace.trace;

import java.io.IOException;

/**
 * The format-specific half of a writer: stores rows and, at the end, the end-of-trace
 * metadata. {@link ChainedWriter} feeds it and computes the integrity chain.
 */
public interface RowSink {
    /** Stores one row; checkpoint is the chain value for this row, or null. */
    void write(TraceEvent e, byte[] checkpoint) throws IOException;

    /** Writes the end of the trace (event count, complete flag, digest) and closes. */
    void finish(TraceMetadata end) throws IOException;
}
