package io.ccatrace.trace;

import io.ccatrace.trace.chain.HashChain;
import java.io.IOException;

/**
 * The writer every format shares: checks seq order, computes the integrity chain and hands
 * rows to the format's {@link RowSink}. A row that ends a chain interval gets its checkpoint
 * right after it is written; the last row of the trace gets the final one on close.
 */
final class ChainedWriter implements TraceWriter {
    private final RowSink sink;
    /** The sink's direct row path, or null. */
    private final RowColumns rows;
    private final HashChain chain = new HashChain();
    private long lastSeq = Long.MIN_VALUE;
    private boolean closed;

    ChainedWriter(RowSink sink) {
        this.sink = sink;
        this.rows = sink.columns();
    }

    @Override
    public void write(EventView e) throws IOException {
        if (closed) throw new IllegalStateException("trace writer is closed");
        order(e.seq());
        sink.write(e);
        if (chain.add(e)) sink.checkpoint(chain.checkpoint());
    }

    @Override
    public ColumnSink columns() {
        return rows;
    }

    /** The row given to the sink's columns: checked, stored and chained by the hash the sink computed. */
    @Override
    public void endRow() throws IOException {
        if (rows == null) TraceWriter.super.endRow();
        if (closed) throw new IllegalStateException("trace writer is closed");
        try {
            order(rows.seq());
        } catch (IllegalArgumentException e) {
            rows.drop();
            throw e;
        }
        if (chain.add(rows.end())) sink.checkpoint(chain.checkpoint());
    }

    private void order(long seq) {
        TraceWriter.checkOrder(seq, lastSeq);
        lastSeq = seq;
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        sink.finish(end().with(TraceMetadata.COMPLETE, "true"));
    }

    @Override
    public void abandon() throws IOException {
        if (closed) return;
        closed = true;
        sink.abandon(end());
    }

    /** The last checkpoint written, and the end keys but the complete flag. */
    private TraceMetadata end() throws IOException {
        if (chain.hasPending()) sink.checkpoint(chain.checkpoint());
        return TraceMetadata.empty()
                .with(TraceMetadata.EVENT_COUNT, Long.toString(chain.count()))
                .with(TraceMetadata.DIGEST, chain.lastHex());
    }
}
