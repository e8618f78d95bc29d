package io.ccatrace.model.rsi;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import java.util.List;

/** Test helper: one realm SMC through a real REC_ENTER, and the RSI_CALL it completed with. */
final class RsiCalls {
    static final long SUCCESS = 0, ERROR_INPUT = 1, ERROR_STATE = 2, INCOMPLETE = 3;
    static final long EMPTY = 0, RAM = 1, DESTROYED = 2;
    static final long PAGE = 0x10000;

    private RsiCalls() {
    }

    /** Queues the call, enters the REC once and returns the RSI_CALL the realm got back. */
    static ModelEvent.RsiCall call(Guest g, String name, long... args) {
        int mark = g.mark();
        g.call(name, args);
        g.run();
        List<ModelEvent.RsiCall> calls = g.eventsSince(mark, ModelEvent.RsiCall.class);
        if (calls.size() != 1) throw new AssertionError(name + ": " + calls.size() + " RSI_CALL events");
        return calls.get(0);
    }

    /** Queues the call, enters once; the exit the host read (no RSI_CALL expected or not). */
    static RecRunExit exitOf(Guest g, String name, long... args) {
        g.call(name, args);
        return g.run();
    }
}
