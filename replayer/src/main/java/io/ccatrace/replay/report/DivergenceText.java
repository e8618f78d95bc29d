package io.ccatrace.replay.report;

import io.ccatrace.model.rmi.ModelDifferences.Difference;
import io.ccatrace.replay.ReplayResult;
import io.ccatrace.replay.divergence.Describe;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.TraceEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Human-readable divergence reports and the replay summary. */
public final class DivergenceText {
    private final PrintWriter out;
    private final String trace;
    private final String rmm;
    /** The reproducing command when no replay of the trace reproduces the divergence, else null. */
    private final String reproduce;
    /** The models the expected and the actual values come from (null: not known), for {@link RegisterFields}. */
    private String expectedModel;
    private String actualModel;
    private KnownDifferences known = new KnownDifferences(null, null);

    /** rmm: the --rmm given (null when replaying on the recorded model). */
    public DivergenceText(PrintWriter out, String trace, String rmm) {
        this(out, trace, rmm, null);
    }

    private DivergenceText(PrintWriter out, String trace, String rmm, String reproduce) {
        this.out = out;
        this.trace = trace;
        this.rmm = rmm;
        this.reproduce = reproduce;
    }

    /**
     * Reports whose divergences no replay of the trace reproduces (two recordings of one model
     * that differ in an outcome): the reproduce line gives this command instead.
     */
    public static DivergenceText reproducedBy(PrintWriter out, String trace, String command) {
        return new DivergenceText(out, trace, null, command);
    }

    /** The models whose outcomes are compared (expected: the recording's), so registers with fields are decoded in each one's layout. */
    public DivergenceText models(String expected, String actual) {
        this.expectedModel = expected;
        this.actualModel = actual;
        this.known = new KnownDifferences(expected, actual);
        return this;
    }

    public void divergence(Divergence d) {
        out.println("divergence at seq " + d.seq() + ": " + d.command() + " " + d.field());
        out.println("  input:    " + Describe.input(d.input()));
        if (d.at() != null && d.at() != d.input()) {
            out.println("  at:       seq " + d.at().seq() + " " + Describe.effect(d.at()));
        }
        out.println("  expected: " + d.expected());
        out.println("  actual:   " + d.actual());
        RegisterFields fields = RegisterFields.of(d, expectedModel, actualModel);
        if (fields != null) out.println("  fields:   " + fields.describe(expectedModel, actualModel));
        List<Difference> at = known.at(d);
        String difference = known.describe(at);
        if (difference != null) out.println("  known:    " + difference);
        known.count(d, at);
        for (TraceEvent e : d.missing()) out.println("  missing:  seq " + e.seq() + " " + Describe.effect(e));
        for (TraceEvent e : d.extra()) out.println("  extra:    " + Describe.effect(e));
        out.println("  reproduce: " + (reproduce != null ? reproduce : Reproduce.replay(trace, rmm, d)));
        out.println("  state:     " + Reproduce.state(trace, d));
    }

    /** Counts a divergence that is not shown (diff shows only the first), for the summary's marks and tally. */
    public void count(Divergence d) {
        known.count(d);
    }

    /**
     * The summary's count lines ("N noun(s) by command and field:", then one line per command and
     * field, marked when its divergences are at a known difference between the models), and the
     * tally of known and other divergences when the models differ in anything documented.
     */
    public void counts(long total, String noun, Map<String, Map<String, Long>> byCommand) {
        out.println(total + " " + noun + (total == 1 ? "" : "s") + " by command and field:");
        for (Map.Entry<String, Map<String, Long>> c : byCommand.entrySet()) {
            for (Map.Entry<String, Long> f : c.getValue().entrySet()) {
                out.println(String.format("  %8d  %s  %s", f.getValue(), c.getKey(), f.getKey())
                        + known.mark(c.getKey(), f.getKey()));
            }
        }
        String tally = known.tally();
        if (tally != null) out.println(tally);
    }

    public void summary(ReplayResult r) {
        out.println("replayed " + r.rows() + " events (" + r.inputs() + " inputs) of "
                + Reproduce.quote(trace) + " recorded on " + r.recordedModel() + " against "
                + r.replayModel() + (r.lastSeq() >= 0 ? ", up to seq " + r.lastSeq() : "")
                + (r.stoppedEarly() != null ? " (" + r.stoppedEarly() + ")" : ""));
        if (r.unjudgedNote() != null) out.println(r.unjudgedNote());
        if (!r.diverged()) {
            out.println("no divergence");
            return;
        }
        counts(r.summary().total(), "divergence", r.summary().byCommand());
    }
}
