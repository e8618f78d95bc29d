package io.ccatrace.replay;

import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import java.util.Iterator;
import java.util.List;

/** A trace held in memory, read through the TraceReader interface. */
final class ListTrace implements TraceReader {
    private final TraceMetadata meta;
    private final Iterator<TraceEvent> it;
    private boolean complete = true;

    ListTrace(TraceMetadata meta, List<TraceEvent> rows) {
        this.meta = meta;
        this.it = rows.iterator();
    }

    @Override
    public TraceMetadata metadata() {
        return meta;
    }

    @Override
    public boolean hasNext() {
        return it.hasNext();
    }

    @Override
    public TraceEvent next() {
        return it.next();
    }

    @Override
    public boolean complete() {
        return complete;
    }

    /** As a recording that did not finish: complete() is false. */
    ListTrace unfinished() {
        complete = false;
        return this;
    }

    @Override
    public void close() {
    }
}
