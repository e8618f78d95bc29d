package io.ccatrace.trace;

import io.ccatrace.trace.chain.HashChain;
import java.io.IOException;

/**
 * The writer every format shares: checks seq order, computes the integrity chain and hands
 * rows to the format's {@link RowSink}. The newest row is held back until the next write (or
 * close) so that the last row of the trace can carry the final checkpoint.
 */
final class ChainedWriter implements TraceWriter {
    private final RowSink sink;
    private final HashChain chain = new HashChain();
    private TraceEvent held;
    private long lastSeq = Long.MIN_VALUE;
    private boolean closed;

    ChainedWriter(RowSink sink) {
        this.sink = sink;
    }

    @Override
    public void write(TraceEvent e) throws IOException {
        if (closed) throw new IllegalStateException("trace writer is closed");
        if (e.seq() <= lastSeq) {
            throw new IllegalArgumentException("seq " + e.seq() + " after " + lastSeq
                    + ": events must be written in increasing seq order");
        }
        lastSeq = e.seq();
        if (held != null) {
            sink.write(held, null);
            held = null;
        }
        if (chain.add(e)) {
            sink.write(e, chain.checkpoint());
        } else {
            held = e;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (held != null) {
            sink.write(held, chain.checkpoint());
            held = null;
        }
        sink.finish(TraceMetadata.empty()
                .with(TraceMetadata.EVENT_COUNT, Long.toString(chain.count()))
                .with(TraceMetadata.COMPLETE, "true")
                .with(TraceMetadata.DIGEST, chain.lastHex()));
    }
}
