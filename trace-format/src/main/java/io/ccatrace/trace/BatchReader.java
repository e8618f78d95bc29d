package io.ccatrace.trace;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams a trace as {@link EventBatch}es of projected columns, in constant memory. It does
 * not recompute the integrity chain itself (a projection does not read every column); the
 * cursor of {@link TraceFiles#openCursor} does (see docs/trace-format.md).
 */
public interface BatchReader extends Closeable {
    TraceMetadata metadata();

    /** The next batch (the same object, refilled), or null at the end. */
    EventBatch next() throws IOException;

    /**
     * Skips ahead without decoding: the next batch returned is the one holding the first row
     * with seq &gt;= fromSeq, or an earlier one (rows before fromSeq in it are still there, so
     * callers skip them by seq). Only forward: a fromSeq behind the reader's position does
     * nothing. The default skips nothing.
     */
    default void seek(long fromSeq) throws IOException {
    }

    /**
     * From now on, next() alternates between two batch objects, so a batch stays unchanged
     * until the call after the next one (lets another thread keep working on the previous
     * batch while the next is decoded). Readers that cannot do this keep one object and say
     * so by returning false.
     */
    default boolean doubleBuffer() {
        return false;
    }

    /**
     * From now on, next() cycles through up to n (at least 2) batch objects, so a batch stays
     * unchanged until n - 1 further calls (lets another thread decode several batches ahead of
     * a consumer still reading an earlier one). Returns how many it cycles through: 1 when it
     * keeps one object, 2 for a reader that can only {@link #doubleBuffer()} (the default).
     */
    default int keep(int n) {
        return doubleBuffer() ? 2 : 1;
    }

    /**
     * Does one piece of the work the next calls of next() will need anyway (for Parquet:
     * reading the next row group's column chunks, decompressing a column's next page), if any
     * is left, and says whether it did. Called by a read-ahead thread while it waits for its
     * caller to take a batch, so that work is not all done at once when a batch needs it.
     * Values, their order and errors do not change: a failure met here is thrown by the
     * next() that needs the work, as it would have been without this call. The default does
     * nothing.
     */
    default boolean lookAhead() {
        return false;
    }

    /**
     * After next() returned null: whether the file ended as a finished trace does (an Arrow
     * stream with its end-of-stream marker, a Parquet file with complete=true).
     */
    default boolean complete() {
        return true;
    }

    /**
     * The integrity verdict of a reader that checks the event chain itself (the JSONL row
     * path, {@link RowBatchReader}, and the {@link GuardedBatchReader} around it; a JSONL
     * trace is never read ahead): the first break found so far, or null; null for every other
     * reader (the cursor over it checks the chain, or nothing does).
     */
    default String chainBreak() {
        return null;
    }

    /**
     * As {@link #chainBreak()}: the event chain such a reader recomputed over the rows read
     * (the digest after the end), else null.
     */
    default String computedDigest() {
        return null;
    }
}
