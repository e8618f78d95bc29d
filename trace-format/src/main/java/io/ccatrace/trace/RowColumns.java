package io.ccatrace.trace;

import java.io.IOException;

/**
 * A sink's direct row path: a row given column by column ({@link ColumnSink}: {@link #start}
 * first, then only the columns the row has), then {@link #end}. No row object is built and
 * no column is read back; {@link ChainedWriter} checks the seq order and chains the hash
 * {@link #end} returns. A row started but not ended is not part of the trace: the next
 * {@link #start}, {@link #drop} or the end of the trace forgets it.
 */
public interface RowColumns extends ColumnSink {
    /** The seq of the row given since {@link #start}. */
    long seq();

    /**
     * Stores the row given since {@link #start}, as {@link RowSink#write} would store the
     * same row; returns its format-2 event hash ({@code chain.EventHash}).
     */
    long end() throws IOException;

    /** Forgets the row given since {@link #start}, if any (it is not stored). */
    void drop();
}
