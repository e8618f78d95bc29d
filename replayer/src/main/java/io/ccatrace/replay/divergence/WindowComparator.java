package io.ccatrace.replay.divergence;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares one recorded window (input + effects) with what the replayed machine produced
 * for the same input, and names the first difference: the input row's own outcome fields
 * (status, index, output registers) first, then the effects in recorded order.
 */
public final class WindowComparator {
    private WindowComparator() {
    }

    /**
     * @param input    recorded input row (null for effects recorded before any input)
     * @param recorded recorded effects
     * @param replayedInput replayed input row (null if none)
     * @param replayed replayed effects
     * @return the divergence, or null when the window replays identically
     */
    public static Divergence compare(EventView input, List<? extends EventView> recorded,
                                     EventView replayedInput, List<? extends EventView> replayed) {
        if (identical(input, recorded, replayedInput, replayed)) return null;
        return differing(copy(input), copies(recorded), copy(replayedInput), copies(replayed));
    }

    private static TraceEvent copy(EventView v) {
        return v == null ? null : v.toEvent();
    }

    static List<TraceEvent> copies(List<? extends EventView> rows) {
        List<TraceEvent> out = new ArrayList<>(rows.size());
        for (EventView v : rows) out.add(v.toEvent());
        return out;
    }

    /** The slow path, on immutable rows: align the effects and name the first difference. */
    private static Divergence differing(TraceEvent input, List<TraceEvent> recorded,
                                        TraceEvent replayedInput, List<TraceEvent> replayed) {
        FieldDiff first = null;
        TraceEvent at = null;
        if (input != null && replayedInput != null) {
            first = FieldDiff.between(input, replayedInput);
            at = input;
        }
        List<Alignment.Pair> pairs = Alignment.align(recorded, replayed);
        Moves moves = Moves.of(pairs, recorded, replayed);
        List<TraceEvent> missing = new ArrayList<>();
        List<TraceEvent> extra = new ArrayList<>();
        for (Alignment.Pair p : pairs) {
            if (p.recorded() < 0 && moves.movedTo(p.replayed())) {
                if (first == null) {
                    int r = moves.from(p.replayed());
                    first = moved(recorded.get(r), r, recorded.size(), p.replayed(), replayed.size());
                    at = recorded.get(r);
                }
            } else if (p.replayed() < 0 && moves.movedFrom(p.recorded())) {
                if (first == null) {
                    int r = p.recorded();
                    first = moved(recorded.get(r), r, recorded.size(), moves.to(r), replayed.size());
                    at = recorded.get(r);
                }
            } else if (p.recorded() < 0) {
                TraceEvent x = replayed.get(p.replayed());
                extra.add(x);
                if (first == null) {
                    first = new FieldDiff("extra " + x.kind(), "none", Describe.effect(x));
                    at = x;
                }
            } else if (p.replayed() < 0) {
                TraceEvent r = recorded.get(p.recorded());
                missing.add(r);
                if (first == null) {
                    first = new FieldDiff("missing " + r.kind(), Describe.effect(r), "none");
                    at = r;
                }
            } else if (first == null && !SameOutcome.of(recorded.get(p.recorded()), replayed.get(p.replayed()))) {
                TraceEvent r = recorded.get(p.recorded());
                FieldDiff d = FieldDiff.between(r, replayed.get(p.replayed()));
                if (d != null) {
                    first = new FieldDiff(r.kind() + "." + d.field(), d.expected(), d.actual());
                    at = r;
                }
            }
        }
        if (first == null) return null;
        long seq = input != null ? input.seq() : at.seq();
        return new Divergence(seq, input, at, first.field(), first.expected(), first.actual(),
                missing, extra);
    }

    /** An effect both sides have, at another place among the window's effects. */
    private static FieldDiff moved(TraceEvent e, int recordedAt, int recordedCount, int replayedAt, int replayedCount) {
        return new FieldDiff("moved " + e.kind(), "effect " + (recordedAt + 1) + " of " + recordedCount
                + " (seq " + e.seq() + ")", "effect " + (replayedAt + 1) + " of " + replayedCount);
    }

    /** The usual case, without allocating: the same effects in the same order, equal in every field. */
    private static boolean identical(EventView input, List<? extends EventView> recorded, EventView replayedInput,
                                     List<? extends EventView> replayed) {
        if (input != null && replayedInput != null && !sameInput(input, replayedInput)) return false;
        int n = recorded.size();
        if (n != replayed.size()) return false;
        for (int i = 0; i < n; i++) {
            if (!sameEffect(recorded.get(i), replayed.get(i))) return false;
        }
        return true;
    }

    /** Whether a replayed input row has the recorded one's outcome (the input part of the fast path). */
    public static boolean sameInput(EventView recorded, EventView replayed) {
        return SameOutcome.of(recorded, replayed);
    }

    /** Whether a replayed effect is the recorded one, at the same place (the per-effect part of the fast path). */
    public static boolean sameEffect(EventView recorded, EventView replayed) {
        return EffectKey.sameSubject(recorded, replayed) && SameOutcome.of(recorded, replayed);
    }

    /** The replayed model threw on this input (a broken simulator invariant; e without its ModelFailure wrapper). */
    public static Divergence modelError(EventView view, RuntimeException e) {
        TraceEvent input = view.toEvent();
        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
        return new Divergence(input.seq(), input, input, "model error",
                input.status() != null ? input.status() : "completes", msg.replace('\n', ' '),
                List.of(), List.of());
    }
}
