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
    private final HashChain chain = new HashChain();
    private long lastSeq = Long.MIN_VALUE;
    private boolean closed;

    ChainedWriter(RowSink sink) {
        this.sink = sink;
    }

    @Override
    public void write(EventView e) throws IOException {
        if (closed) throw new IllegalStateException("trace writer is closed");
        long seq = e.seq();
        if (seq <= lastSeq) {
            throw new IllegalArgumentException("seq " + seq + " after " + lastSeq
                    + ": events must be written in increasing seq order");
        }
        lastSeq = seq;
        sink.write(e);
        if (chain.add(e)) sink.checkpoint(chain.checkpoint());
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (chain.hasPending()) sink.checkpoint(chain.checkpoint());
        sink.finish(TraceMetadata.empty()
                .with(TraceMetadata.EVENT_COUNT, Long.toString(chain.count()))
                .with(TraceMetadata.COMPLETE, "true")
                .with(TraceMetadata.DIGEST, chain.lastHex()));
    }
}
