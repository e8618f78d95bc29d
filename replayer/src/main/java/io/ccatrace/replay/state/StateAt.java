package io.ccatrace.replay.state;

import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;

/** Streams a trace into a {@link ShadowState} up to and including one seq. */
public final class StateAt {
    private StateAt() {
    }

    public static ShadowState build(TraceReader reader, long at) throws IOException {
        ShadowState s = new ShadowState();
        while (reader.hasNext()) {
            TraceEvent e = reader.next();
            if (e.seq() > at) break;
            s.apply(e);
        }
        return s;
    }
}
