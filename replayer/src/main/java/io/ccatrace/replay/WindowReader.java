package io.ccatrace.replay;

import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;

/**
 * Groups a trace's rows, streaming, into {@link Window}s: an input row and the effect rows
 * after it. Checks the row order replay depends on (dense increasing seq) and throws
 * {@link io.ccatrace.replay.input.BadInputException} when it is broken.
 */
public final class WindowReader {
    private final TraceReader reader;
    private final Window window = new Window();
    private TraceEvent pending;
    private long expectSeq;

    public WindowReader(TraceReader reader) {
        this.reader = reader;
    }

    /** The next window (the same instance, refilled), or null at the end of the trace. */
    public Window next() throws IOException {
        TraceEvent first = pending != null ? pending : read();
        pending = null;
        if (first == null) return null;
        window.reset(first.isInput() ? first : null);
        if (!first.isInput()) window.add(first);
        for (TraceEvent e = read(); e != null; e = read()) {
            if (e.isInput()) {
                pending = e;
                break;
            }
            window.add(e);
        }
        return window;
    }

    private TraceEvent read() throws IOException {
        if (!reader.hasNext()) return null;
        TraceEvent e = reader.next();
        if (e.seq() != expectSeq) {
            throw new io.ccatrace.replay.input.BadInputException("seq " + e.seq()
                    + " where " + expectSeq + " was expected (rows must be in dense seq order)");
        }
        expectSeq++;
        return e;
    }
}
