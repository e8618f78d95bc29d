package io.ccatrace.replay.divergence;

import io.ccatrace.trace.TraceEvent;
import java.util.Arrays;
import java.util.List;

/**
 * Effects the alignment leaves unpaired on both sides although they are the same effect
 * (same subject, equal in every compared field): the window has them in another order. They
 * are neither missing nor extra. Before, a window whose effects were reordered (two effects
 * swapped) reported the same effect as missing and as extra ("extra PAS_CHANGE, expected:
 * none, actual: PAS_CHANGE pa=... from=NS to=REALM", then that row again under missing).
 */
final class Moves {
    /** For each recorded effect, the replayed one it moved to, or -1; and the reverse. */
    private final int[] to;
    private final int[] from;

    private Moves(int recorded, int replayed) {
        to = new int[recorded];
        from = new int[replayed];
        Arrays.fill(to, -1);
        Arrays.fill(from, -1);
    }

    static Moves of(List<Alignment.Pair> pairs, List<TraceEvent> recorded, List<TraceEvent> replayed) {
        Moves m = new Moves(recorded.size(), replayed.size());
        for (Alignment.Pair x : pairs) {
            if (x.recorded() >= 0) continue;
            TraceEvent e = replayed.get(x.replayed());
            for (Alignment.Pair r : pairs) {
                if (r.replayed() >= 0 || m.to[r.recorded()] >= 0) continue;
                TraceEvent c = recorded.get(r.recorded());
                if (EffectKey.sameSubject(c, e) && SameOutcome.of(c, e)) {
                    m.to[r.recorded()] = x.replayed();
                    m.from[x.replayed()] = r.recorded();
                    break;
                }
            }
        }
        return m;
    }

    boolean movedFrom(int recorded) {
        return to[recorded] >= 0;
    }

    boolean movedTo(int replayed) {
        return from[replayed] >= 0;
    }

    int to(int recorded) {
        return to[recorded];
    }

    int from(int replayed) {
        return from[replayed];
    }
}
