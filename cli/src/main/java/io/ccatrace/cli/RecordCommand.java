package io.ccatrace.cli;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.replay.checkpoint.CheckpointBuilder;
import io.ccatrace.replay.input.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ccatrace record: simulate a scenario and record its trace (.arrows, .parquet or .jsonl). */
@Command(mixinStandardHelpOptions = true, name = "record", description = "Record a scenario (see `ccatrace scenarios`) into a trace.")
public final class RecordCommand implements Callable<Integer> {
    /** Recordings at least this long show progress on stderr. */
    static final long PROGRESS_FROM = 1_000_000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "boot", description = "scenario name (default boot)")
    String scenario;

    @Option(names = "--rmm", defaultValue = "1.0", description = "RMM model id (default 1.0)")
    String rmm;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default 0)")
    long seed;

    @Option(names = "--realms", description = "number of realms (default: the scenario's)")
    Integer realms;

    @Option(names = "--vcpus", description = "vCPUs per realm (default: the scenario's)")
    Integer vcpus;

    @Option(names = "--cpus", description = "physical CPUs (default: the scenario's)")
    Integer cpus;

    @Option(names = "--events", defaultValue = "0", description = "grow the steady phase to about N events")
    long events;

    @Option(names = "--inject", split = ",", description = "misbehaviours to inject (comma-separated, repeatable)")
    List<String> inject = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, description = "trace file to write")
    Path output;

    @Option(names = "--checkpoints", description = "also write OUTPUT.ckpt for fast `state` queries"
            + " (as `ccatrace checkpoint`, right after the recording)")
    boolean checkpoints;

    @Option(names = "--every", paramLabel = "N", converter = Numbers.class,
            description = "with --checkpoints: events between checkpoints (default ${DEFAULT-VALUE})")
    long every = CheckpointBuilder.DEFAULT_EVERY;

    /** --events beyond this is a typo, not a plan: 10^10 events take hours and ~40 GB of Parquet. */
    static final long MAX_EVENTS = 10_000_000_000L;

    /** An explicitly given count must be 1..max; 0 stands for "the scenario's" only when omitted. */
    private static int given(String option, Integer value, int max) {
        if (value == null) return 0;
        if (value < 1 || value > max) throw new UserException(option + ": must be 1.." + max + ", got " + value);
        return value;
    }

    @Override
    public Integer call() throws Exception {
        ScenarioOptions o = ScenarioRecording.options(scenario, rmm, seed, given("--realms", realms, 256),
                given("--vcpus", vcpus, 16), given("--cpus", cpus, 64), events, inject);
        if (events > MAX_EVENTS) throw new UserException("--events: at most " + MAX_EVENTS + " (hours of recording), got " + events);
        if (every <= 0) throw new UserException("--every must be positive");
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new UserException("-o: directory " + parent + " does not exist");
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = events >= PROGRESS_FROM ? new StderrProgress(err) : Progress.NONE;
        ScenarioRun.Result r = ScenarioRecording.record(o, output, progress);
        if (progress != Progress.NONE) err.println();
        PrintWriter out = spec.commandLine().getOut();
        out.println("recorded " + r.events() + " events to " + output + " ("
                + ScenarioRecording.canonical(o) + ")");
        for (ScenarioRun.RealmOutcome realm : r.realms()) {
            out.println("  realm " + realm.id() + ": " + realm.stopReason());
        }
        if (checkpoints) {
            try {
                CheckpointBuilder.Result c = CheckpointBuilder.build(output, every,
                        Warnings.to(err));
                out.println(CheckpointCommand.wrote(c, every));
            } catch (BadInputException e) {
                throw new UserException(output + ": " + e.getMessage());
            }
        }
        return ExitCodes.OK;
    }

    /** "\r  12.5M / 100.0M events (12%)" on stderr, redrawn as the recording grows. */
    static final class StderrProgress implements Progress {
        private final PrintWriter err;
        private long shown = -1;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long events, long target) {
            long step = events / 500_000;
            if (step == shown) return;
            shown = step;
            String pct = target > 0 ? String.format(" (%d%%)", Math.min(100, events * 100 / target)) : "";
            err.printf("\rrecording: %.1fM / %.1fM events%s", events / 1e6, target / 1e6, pct);
            err.flush();
        }
    }
}
