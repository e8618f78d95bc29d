package io.ccatrace.trace;

import java.io.Closeable;
import java.io.IOException;

/** The format-specific half of a reader; {@link VerifyingReader} checks the chain over it. */
public interface RowSource extends Closeable {
    /** Metadata stored at the start (or, for Parquet, in the footer). */
    TraceMetadata header();

    /** Whether the file claims to carry integrity checkpoints. */
    boolean hasChain();

    /** The next row, or null at the end of the readable rows. */
    TraceEvent next() throws IOException;

    /** The stored checkpoint of the row last returned, or null. */
    byte[] checkpoint();

    /** After next() returned null: whether the file ended the way a finished trace does. */
    boolean complete();

    /** After next() returned null: end metadata stored in the file (may be empty). */
    TraceMetadata trailer();
}
