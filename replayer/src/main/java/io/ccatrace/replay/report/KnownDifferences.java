package io.ccatrace.replay.report;

import io.ccatrace.model.rmi.ModelDifferences;
import io.ccatrace.model.rmi.ModelDifferences.Difference;
import io.ccatrace.model.rmi.RmmModels;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which divergences of a replay across two models sit where the models are known to differ
 * (ModelDifferences: a revision's rule or a seeded bug, docs/models.md), so that an RMM
 * developer can set the documented differences apart from the divergences nothing documented
 * explains. A divergence is at a difference when its input's command (an RMI command, or the
 * input kind), or the row it differs at (an RSI call's command, or the row's kind), is one of
 * the difference's subjects: a divergence anywhere in the window of a listed RMI command
 * counts (an RSI call inside a REC_ENTER, a missing effect of a DATA_DESTROY). Later
 * divergences that follow from an earlier one are marked only when they are at such a command
 * too, so the mark says where a divergence is, not that the difference caused it.
 */
public final class KnownDifferences {
    private final String expectedModel;
    private final String actualModel;
    private final List<Difference> differences;
    private final Map<String, Map<String, long[]>> counts = new TreeMap<>();
    private long total;
    private long known;

    /** The differences between the two models (none when they are one model or one is not known). */
    public KnownDifferences(String expectedModel, String actualModel) {
        this.expectedModel = expectedModel;
        this.actualModel = actualModel;
        this.differences = expectedModel == null || actualModel == null ? List.of()
                : ModelDifferences.between(RmmModels.byId(expectedModel), RmmModels.byId(actualModel));
    }

    /** The differences d is at (empty when none). */
    public List<Difference> at(Divergence d) {
        List<Difference> out = new ArrayList<>();
        if (differences.isEmpty()) return out;
        List<String> subjects = subjects(d);
        for (Difference x : differences) {
            for (String s : x.subjects()) {
                if (subjects.contains(s)) {
                    out.add(x);
                    break;
                }
            }
        }
        return out;
    }

    /** The names a divergence is about: its input's command or kind, and its row's RSI command or kind. */
    static List<String> subjects(Divergence d) {
        List<String> s = new ArrayList<>(3);
        TraceEvent in = d.input();
        if (in != null) s.add(in.kind() == EventKind.RMI_CALL && in.cmd() != null ? in.cmd() : in.kind().name());
        TraceEvent at = d.at();
        if (at != null && at != in) {
            s.add(at.kind().name());
            if (at.kind() == EventKind.RSI_CALL && at.cmd() != null) s.add(at.cmd());
        }
        return s;
    }

    /** One line naming the differences d is at ("MODEL differs here: what (reference S)"), or null. */
    public String describe(Divergence d) {
        return describe(at(d));
    }

    /** The line for the differences {@link #at} found for a divergence, or null for none. */
    public String describe(List<Difference> at) {
        if (at.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (Difference x : at) {
            parts.add(x.model() + (RmmModels.byId(x.model()).seededBug() ? " (a seeded bug)" : "") + " differs here: "
                    + x.what() + " (reference " + x.reference() + ")");
        }
        return String.join("; ", parts);
    }

    /** Counts d (every divergence of the run, shown or not), for {@link #mark} and {@link #tally}. */
    public void count(Divergence d) {
        count(d, at(d));
    }

    /** {@link #count(Divergence)} with d's differences already found by {@link #at}. */
    public void count(Divergence d, List<Difference> at) {
        boolean isKnown = !at.isEmpty();
        long[] c = counts.computeIfAbsent(d.command(), k -> new HashMap<>()).computeIfAbsent(d.field(), k -> new long[2]);
        c[0]++;
        total++;
        if (isKnown) {
            c[1]++;
            known++;
        }
    }

    /** The suffix of a summary line (command, field): how many of its divergences are at a known difference. */
    public String mark(String command, String field) {
        long[] c = counts.getOrDefault(command, Map.of()).get(field);
        if (c == null || c[1] == 0) return "";
        return c[1] == c[0] ? "  (a known difference)" : "  (" + c[1] + " at a known difference)";
    }

    /** The closing tally, or null when the models have no known difference or nothing diverged. */
    public String tally() {
        if (differences.isEmpty() || total == 0) return null;
        String between = " between " + expectedModel + " and " + actualModel + " (docs/models.md)";
        if (known == total) return (total == 1 ? "it is at a known difference" : "all " + total + " are at known differences") + between;
        return known + " of the " + total + " divergences " + (known == 1 ? "is at a known difference" : "are at known differences") + between
                + "; the other " + (total - known) + " " + (total - known == 1 ? "is" : "are")
                + " not: each follows from an earlier divergence or is not explained by a documented difference";
    }

    /** Divergences counted so far that are at a known difference. */
    public long knownTotal() {
        return known;
    }

    /** Whether the two models differ in anything documented. */
    public boolean any() {
        return !differences.isEmpty();
    }
}
