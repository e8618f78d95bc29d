package io.ccatrace.replay;

import java.util.function.Consumer;

/**
 * The trace readers' warnings (broken integrity chain, unfinished recording) during a replay
 * that reads ahead: open the cursor with this consumer and pass it to
 * {@link Replayer#run(io.ccatrace.trace.TraceCursor, ReplayWarnings, Consumer)}. While the
 * reading thread runs, a warning is kept with the window being read and given to the real
 * consumer, on the replaying thread, just before that window is replayed: exactly the
 * warnings a sequential replay gives, also when the replay stops early (--until, the
 * divergence limit, a model error). Otherwise warnings go straight through.
 */
public final class ReplayWarnings implements Consumer<String> {
    private final Consumer<String> out;
    private volatile Consumer<String> reading;

    public ReplayWarnings(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void accept(String warning) {
        Consumer<String> r = reading;
        if (r != null) {
            r.accept(warning);
        } else {
            out.accept(warning);
        }
    }

    /** Routes warnings to r (on the reading thread) until {@link #detach}. */
    void attach(Consumer<String> r) {
        reading = r;
    }

    void detach() {
        reading = null;
    }

    /** Gives a kept warning to the real consumer. */
    void give(String warning) {
        out.accept(warning);
    }
}
