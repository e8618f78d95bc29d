package io.ccatrace.trace;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads a trace row by row without an object per row: the cursor itself is the
 * {@link EventView} of the current row, and {@link #next()} moves it. Get one from
 * {@link TraceFiles#openCursor(java.nio.file.Path)}.
 *
 * <pre>
 * try (TraceCursor c = TraceFiles.openCursor(path)) {
 *     while (c.next()) { ... c.seq(), c.kind(), c.args() ... }
 * }
 * </pre>
 *
 * Reuse rules: name columns return one interned String object per distinct name;
 * {@link #args()}, {@link #out()} and {@link #payload()} return arrays owned by the cursor,
 * valid until the next call of {@link #next()} (copy them, or call {@link #toEvent()}, to
 * keep a row). Moving to the next row allocates nothing once the arrays for each list and
 * payload length have been seen.
 */
public interface TraceCursor extends EventView, Closeable {
    /** The trace's metadata (as {@link TraceReader#metadata()}). */
    TraceMetadata metadata();

    /** Moves to the next row; false at the end of the trace (the cursor then has no row). */
    boolean next() throws IOException;

    /** Rows read so far: after the end of a cursor from the first row, the trace's readable rows. */
    long rowsRead();

    /** After the end: whether the file was finished properly. */
    boolean complete();

    /**
     * The first break of the integrity chain found so far (one line, as warned), or null; null
     * too when this cursor does not recompute the event chain.
     */
    String chainBreak();

    /**
     * The event chain recomputed over the rows read (after the end of a cursor from the first
     * row: the trace's digest, as {@link VerifyingReader#computedDigest()}), or null when this
     * cursor does not recompute it: a projection, a Parquet trace checked by its storage
     * digests. Over a JSONL trace, the row reader under the cursor recomputes it.
     */
    String computedDigest();

    /**
     * The per-row values a batch task attached to the current row's batch (a cursor opened
     * by {@link TraceFiles#openCursor(java.nio.file.Path, java.util.Set, long, boolean, boolean,
     * java.util.function.Consumer, java.util.function.Consumer)} with one), indexed from
     * {@link #row()} as the task defines; null when there are none.
     */
    default long[] attached() {
        return null;
    }

    /** The current row's index in its batch (for {@link #attached()}), or -1 without batches. */
    default int row() {
        return -1;
    }

    /**
     * The kind ordinals ({@link EventKind#ordinal()}) of the current batch's rows, indexed by
     * {@link #row()} up to {@link #batchSize()} (the array may be longer); null without
     * batches. Valid until {@link #next()} leaves the batch. With {@link #moveTo} a caller
     * steps a batch's rows itself and dispatches on the kind without a call per row.
     */
    default int[] batchKinds() {
        return null;
    }

    /** Rows in the current batch (0 without batches or rows). */
    default int batchSize() {
        return 0;
    }

    /**
     * Puts the cursor on row i of the current batch ({@link #row()} <= i < {@link #batchSize()}):
     * the accessors then read row i, and {@link #next()} moves on from it. Unsupported without batches.
     */
    default void moveTo(int i) {
        throw new UnsupportedOperationException("the cursor has no batches");
    }
}
