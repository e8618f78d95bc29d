package io.ccatrace.cli;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.model.rmi.ModelFailure;
import io.ccatrace.model.script.Script;
import io.ccatrace.recorder.Recorder;
import io.ccatrace.replay.MachineSetup;
import io.ccatrace.replay.ReplayOptions;
import io.ccatrace.replay.ReplayResult;
import io.ccatrace.replay.ReplayWarnings;
import io.ccatrace.replay.Replayer;
import io.ccatrace.replay.diff.TraceDiff;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.replay.report.DivergenceText;
import io.ccatrace.replay.report.Reproduce;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.VerifyingReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `ccatrace diff`: two traces aligned input by input, or a trace against another model. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Align two traces input by input and report the first divergence and a"
                + " summary (A is expected, B actual); or, with --against MODEL, re-record A on"
                + " MODEL (a scenario trace: the same scenario and seed simulated again; a `run` trace:"
                + " its script, kept in the trace, run again; any other trace: its inputs rerun) and"
                + " diff (-o keeps the re-recording).",
                "Exit 0: identical outcomes; 1: they differ; 2: bad input."})
public final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    Path a;

    @Parameters(index = "1", paramLabel = "B", arity = "0..1")
    Path b;

    @Option(names = "--against", paramLabel = "MODEL", description = "re-record A's scenario or script (or rerun its inputs) on this RMM model")
    String against;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "with --against: write the re-recorded trace here")
    Path output;

    private long shown;
    /** Whether B is a temporary re-recording (--against without -o). */
    private boolean bIsTemporary;
    /** Whether a re-recording on a seeded-bug model stopped early (the model broke; reported already). */
    private boolean stopped;

    @Override
    public Integer call() throws IOException {
        if ((b == null) == (against == null)) throw new UserException("give either a second trace B or --against MODEL");
        if (output != null && against == null) throw new UserException("-o only goes with --against");
        PrintWriter out = spec.commandLine().getOut();
        try {
            int code = b != null ? twoTraces(out) : againstModel(out);
            out.flush();
            return code;
        } catch (BadInputException e) {
            throw new UserException(e.getMessage().startsWith(a.toString()) ? e.getMessage() : a + ": " + e.getMessage());
        }
    }

    private int twoTraces(PrintWriter out) throws IOException {
        try (TraceReader ra = open(a); TraceReader rb = open(b)) {
            DivergenceText text = report(out, ra.metadata(), rb.metadata());
            TraceDiff.Result r = TraceDiff.diff(ra, rb, firstOnly(text));
            // the alignment may end early: read both to the end so that their integrity chains
            // are checked (a damaged trace is warned about, or refused, like by every reader)
            drain(ra);
            drain(rb);
            out.println("compared " + r.windows() + " inputs of " + a + " (A) and "
                    + (bIsTemporary ? "its re-recording on " + against : b.toString()) + " (B)");
            if (r.unaligned() != null) out.println("alignment ends: " + r.unaligned());
            if (r.unaligned() != null && r.summary().total() == 0) {
                // not "no divergent outcome" alone: the traces do differ (exit 1), in their inputs
                out.println("no divergent outcome in the " + r.windows() + " inputs before the alignment ended");
            } else {
                counts(out, text, r.summary().total(), r.summary().byCommand());
            }
            return r.differs() ? ExitCodes.FINDING : ExitCodes.OK;
        }
    }

    /**
     * The report of A against B. Up to the first divergence both ran the same inputs with the
     * same outcomes, so replaying A on B's model stops at the same seq with the same
     * difference: that is the reproducing command when B ran on another model (--against
     * MODEL, or B recorded on another one). When both name one model, or one names none (an
     * import), which of the two a replay would show differing is not known without replaying
     * both: the diff itself is then the command.
     */
    private DivergenceText report(PrintWriter out, TraceMetadata ma, TraceMetadata mb) {
        String modelA = ma.get(TraceMetadata.RMM_MODEL);
        String modelB = against != null ? against : mb.get(TraceMetadata.RMM_MODEL);
        if ((against != null || modelA != null) && modelB != null && !modelB.equals(modelA)) {
            return new DivergenceText(out, a.toString(), modelB).models(modelA, modelB);
        }
        String second = against != null ? "--against " + against : Reproduce.path(b.toString());
        return DivergenceText.reproducedBy(out, a.toString(), "ccatrace diff " + Reproduce.path(a.toString()) + " " + second)
                .models(modelA, modelB);
    }

    private int againstModel(PrintWriter out) throws IOException {
        MachineSetup.checkModel(against);
        TraceMetadata meta;
        try (TraceReader ra = open(a)) {
            meta = ra.metadata();
        }
        String scenario = meta.get(ScenarioRecording.OPTIONS_KEY);
        if (scenario != null) return rerecorded(out, t -> rerecordScenario(scenario, t));
        if (meta.get(TraceMetadata.SCRIPT_SOURCE) != null) return rerecorded(out, t -> rerunScript(meta, t));
        out.println("note: " + a + " carries no script text (" + TraceMetadata.SCRIPT_SOURCE + ": traces of"
                + " `run` before it was added, imports and re-recordings have none), so its recorded inputs"
                + " are rerun on " + against + "; a host or guest that would react to " + against
                + "'s outcomes is not re-simulated");
        DivergenceText text = new DivergenceText(out, a.toString(), against)
                .models(MachineSetup.recordedModel(meta), against);
        ReplayWarnings warnings = new ReplayWarnings(this::warn);
        try (TraceCursor ra = TraceFiles.openCursor(a, Long.MIN_VALUE, warnings)) {
            Replayer replayer = new Replayer(new ReplayOptions(against, -1, 0));
            Recorder rec = null;
            if (output != null) {
                TraceMetadata replayed = TraceMetadata.empty()
                        .with(TraceMetadata.MACHINE, MachineJson.toJson(MachineSetup.config(ra.metadata(), against)))
                        .with(TraceMetadata.RMM_MODEL, against)
                        .with(TraceMetadata.ORIGIN, "replayed");
                rec = new Recorder(TraceFiles.create(output, replayed));
                replayer.alsoTo(rec);
            }
            ReplayResult r;
            try {
                r = replayer.run(ra, warnings, firstOnly(text));
            } finally {
                if (rec != null) rec.close();
            }
            out.println("reran " + r.inputs() + " inputs of " + a + " (recorded on " + r.recordedModel()
                    + ") on " + against + (output != null ? ", re-recorded to " + output : ""));
            if (r.stoppedEarly() != null) out.println("stopped: " + r.stoppedEarly());
            counts(out, text, r.summary().total(), r.summary().byCommand());
            return r.diverged() ? ExitCodes.FINDING : ExitCodes.OK;
        }
    }

    /** Re-records A on the other model into -o (or a temporary file) and diffs A with it. */
    private int rerecorded(PrintWriter out, Recording recording) throws IOException {
        Path tmp = null;
        Path target = output;
        if (target == null) {
            tmp = Files.createTempFile("ccatrace-diff", ".arrows");
            target = tmp;
            bIsTemporary = true; // deleted afterwards: not named in the report
        }
        try {
            try {
                out.println(recording.into(target) + (output != null ? " to " + output : ""));
            } catch (ModelBroke broke) {
                ModelFailure f = broke.failure();
                if (!f.seededBug()) throw broke;
                // the seeded bug's consequence: what ran before it is still compared
                out.println("re-recording on " + against + " stopped at seq " + f.seq() + ": the model broke a machine"
                        + " invariant in " + f.call() + ": " + f.what() + " (the seeded bug's doing)"
                        + (output != null ? "; " + output + " keeps the events before it, unfinished" : ""));
                stopped = true;
            }
            b = target;
            return twoTraces(out);
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /** Records the re-run into target; returns what was re-run, for the report. */
    private interface Recording {
        String into(Path target) throws IOException;
    }

    /**
     * A scenario trace: the same scenario, seed and shape simulated again on the other model
     * (its host reacts to the other model's outcomes).
     */
    private String rerecordScenario(String canonical, Path target) throws IOException {
        ScenarioOptions o = ScenarioRecording.parseCanonical(canonical, against, a.toString());
        ScenarioRecording.record(o, target, Progress.NONE);
        return "re-recorded " + ScenarioRecording.canonical(o);
    }

    /**
     * A `run` trace: its script (the text kept in the metadata, the same seed in its machine
     * line) run again on the other model.
     */
    private String rerunScript(TraceMetadata meta, Path target) throws IOException {
        byte[] source = meta.get(TraceMetadata.SCRIPT_SOURCE).getBytes(StandardCharsets.UTF_8);
        String sha = meta.get(TraceMetadata.SCRIPT_SHA256);
        if (sha != null && !sha.equals(ScriptRecording.sha256(source))) {
            throw new UserException(a + ": the script text in its metadata does not match its "
                    + TraceMetadata.SCRIPT_SHA256);
        }
        String name = meta.get(TraceMetadata.SCRIPT) != null ? meta.get(TraceMetadata.SCRIPT) : "script";
        Script parsed = ScriptRecording.parse(a + " (script " + name + " in its metadata)", source, against);
        ScriptRecording.record(parsed, name, source, target);
        return "re-ran script " + name + " (seed " + Long.toUnsignedString(parsed.machine().seed()) + ") on " + against;
    }

    private Consumer<Divergence> firstOnly(DivergenceText text) {
        return d -> {
            if (shown++ == 0) {
                spec.commandLine().getOut().print("first ");
                text.divergence(d);
            } else {
                text.count(d);
            }
        };
    }

    private static void counts(PrintWriter out, DivergenceText text, long total, Map<String, Map<String, Long>> byCommand) {
        if (total == 0) {
            out.println("no divergent outcome");
            return;
        }
        text.counts(total, "divergent input", byCommand);
    }

    private static void drain(TraceReader r) throws IOException {
        while (r.hasNext()) r.next();
    }

    private TraceReader open(Path p) throws IOException {
        return TraceFiles.openEvents(p, this::warn);
    }

    private void warn(String w) {
        // the re-recording's end was reported above, naming the failure
        if (stopped && b != null && w.startsWith(VerifyingReader.incomplete(b.toString(), -1))) return;
        Warnings.to(spec).accept(w);
    }
}
