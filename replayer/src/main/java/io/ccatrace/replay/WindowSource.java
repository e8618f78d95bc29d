package io.ccatrace.replay;

import java.io.IOException;

/** Where replay gets its windows from, in trace order. */
public interface WindowSource {
    /**
     * The next window, or null at the end of the trace. The window and its rows may be
     * reused by the next call: copy what you keep ({@link Window#copy()}).
     */
    Window next() throws IOException;

    /**
     * Whether the window {@link #next()} returned last ends an unfinished trace (a recording
     * that did not finish), so its effects may have been cut ({@code CutWindow}).
     */
    default boolean lastWindowCut() {
        return false;
    }
}
