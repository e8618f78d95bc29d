package io.ccatrace.cli;

import io.ccatrace.replay.MachineSetup;
import io.ccatrace.replay.ReplayOptions;
import io.ccatrace.replay.ReplayResult;
import io.ccatrace.replay.ReplayWarnings;
import io.ccatrace.replay.Replayer;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.replay.report.DivergenceJson;
import io.ccatrace.replay.report.DivergenceText;
import io.ccatrace.trace.TraceCursor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `ccatrace replay`: re-executes a trace's inputs and reports every differing effect. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Feed a trace's inputs into a fresh machine (the recorded RMM model, or"
                + " --rmm) and compare every effect with the recorded one.",
                "Exit 0: no divergence; 1: divergence; 2: bad input."})
public final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "trace file (.arrows, .parquet, .jsonl)")
    Path trace;

    @Option(names = "--rmm", paramLabel = "MODEL", description = "replay on this RMM model (see `ccatrace models`)")
    String rmm;

    @Option(names = "--until", paramLabel = "SEQ", description = "stop after the input whose window holds SEQ")
    Long until;

    @Option(names = "--max-divergences", paramLabel = "K", description = "stop after K divergences (default: no limit)")
    Long maxDivergences;

    @Option(names = "--json", description = "one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!json) return replay(spec.commandLine().getOut());
        PrintWriter out = spec.commandLine().getOut();
        try {
            return replay(out);
        } catch (IOException | RuntimeException e) {
            if (report == null) {
                String line = Ccatrace.badInputLine(e);
                DivergenceJson.failure(out, trace.toString(), line != null ? line : "internal error: " + e);
                out.flush();
            }
            throw e;
        }
    }

    /** The --json report once it has begun (it ends itself on a failure part-way), else null. */
    private DivergenceJson report;

    private Integer replay(PrintWriter out) throws IOException {
        if (maxDivergences != null && maxDivergences < 1) {
            throw new UserException("--max-divergences: must be at least 1 (omit it for no limit), got " + maxDivergences);
        }
        if (until != null && until < 0) throw new UserException("--until: must be a seq (0 or more), got " + until);
        String name = trace.toString();
        ReplayResult r;
        ReplayWarnings warnings = new ReplayWarnings(Warnings.to(spec));
        try (TraceCursor reader = Replayer.openCursor(trace, warnings)) {
            Replayer replayer = new Replayer(new ReplayOptions(rmm, until == null ? -1 : until,
                    maxDivergences == null ? 0L : maxDivergences));
            String recorded = MachineSetup.recordedModel(reader.metadata());
            String replayed = rmm != null ? rmm : recorded;
            if (json) {
                report = new DivergenceJson(out, name, rmm).models(recorded, replayed);
                try {
                    r = replayer.run(reader, warnings, report::divergence);
                    report.summary(r);
                } catch (IOException | RuntimeException e) {
                    String line = Ccatrace.badInputLine(e instanceof BadInputException ? badInput(name, (BadInputException) e) : e);
                    report.failed(line != null ? line : "internal error: " + e);
                    throw e;
                } finally {
                    report.close();
                }
            } else {
                DivergenceText report = new DivergenceText(out, name, rmm).models(recorded, replayed);
                r = replayer.run(reader, warnings, report::divergence);
                report.summary(r);
            }
        } catch (BadInputException e) {
            throw badInput(name, e);
        }
        out.flush();
        return r.diverged() ? ExitCodes.FINDING : ExitCodes.OK;
    }

    private static UserException badInput(String trace, BadInputException e) {
        return new UserException(trace + ": " + e.getMessage());
    }

    /** Whether a command line being parsed is a replay asking for JSON (its parse errors are reported in JSON too). */
    static boolean wantsJson(CommandLine cl, String[] args) {
        return cl.getCommand() instanceof ReplayCommand && java.util.Arrays.asList(args).contains("--json");
    }
}
