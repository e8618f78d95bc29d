package io.ccatrace.replay.divergence;

import io.ccatrace.trace.EventView;
import java.util.List;

/**
 * The last window of an unfinished trace (a recording killed or cut short): the trace ends
 * inside it or right after it, so the effects the recording wrote are a prefix of those the
 * RMM produced, and the replayed effects past what was recorded were, as far as the trace
 * can tell, never written. They are not judged: without this, replaying any trace
 * cut inside an input's effects reported those effects as "extra" (a divergence, exit 1).
 * What the recording did write is still compared as in any window.
 */
public final class CutWindow {
    private CutWindow() {
    }

    /**
     * How many of the replayed effects to judge (a prefix of them): as many as were
     * recorded, and at least up to the last one the alignment pairs with a recorded effect
     * (so an effect the replay added inside the window is still reported as extra). The
     * rest, the effects the recording would have written after its cut, are not judged.
     */
    public static int judged(List<? extends EventView> recorded, List<? extends EventView> replayed) {
        int lastPaired = -1;
        for (Alignment.Pair p : Alignment.align(WindowComparator.copies(recorded), WindowComparator.copies(replayed))) {
            if (p.recorded() >= 0 && p.replayed() >= 0) lastPaired = Math.max(lastPaired, p.replayed());
        }
        return Math.max(lastPaired + 1, Math.min(recorded.size(), replayed.size()));
    }

    /** The summary's line on the effects not judged (n > 0). */
    public static String note(long seq, long n) {
        return "the trace is unfinished and ends in the window of the input at seq " + seq + ": the " + n
                + " effect" + (n == 1 ? "" : "s") + " the replay produced there after the last one recorded"
                + (n == 1 ? " is" : " are") + " not judged (the recording stopped before writing them)";
    }
}
