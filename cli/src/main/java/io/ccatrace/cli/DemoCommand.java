package io.ccatrace.cli;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.recorder.Recorder;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace demo: records the boot scenario, then replays and analyzes it with the `replay`
 * and `analyze` commands when this build has them, and prints a short human summary.
 */
@Command(mixinStandardHelpOptions = true, name = "demo", description = "Record the boot scenario, replay and analyze it, and summarize.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--dir"}, description = "directory for the demo trace (default: a new temporary directory)")
    Path dir;

    @Option(names = "--seed", defaultValue = "0", converter = Seeds.class,
            description = "random seed (default 0): decimal, or hex 0x... as `info` shows it")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path d = dir == null ? Files.createTempDirectory("ccatrace-demo") : Files.createDirectories(dir);
        Path trace = d.resolve("boot.parquet");
        ScenarioOptions o = ScenarioOptions.of(Scenario.BOOT).withSeed(seed);
        Tally tally = new Tally();
        ScenarioRun run = new ScenarioRun(o);
        run.machine().addListener(tally);
        TraceMetadata meta = TraceMetadata.empty()
                .with(TraceMetadata.SCENARIO, o.scenario().cliName())
                .with(ScenarioRecording.OPTIONS_KEY, ScenarioRecording.canonical(o))
                .with(TraceMetadata.SEED, Long.toString(seed))
                .with(TraceMetadata.RMM_MODEL, o.rmm())
                .with(TraceMetadata.SIMULATOR_VERSION, Ccatrace.VERSION);
        ScenarioRun.Result r;
        try (Recorder rec = new Recorder(TraceFiles.create(trace, meta))) {
            run.machine().addListener(rec);
            r = run.run(Progress.NONE);
        }
        out.println("1. recorded the boot scenario: " + r.events() + " events -> " + trace);
        out.println("   (ccatrace record " + ScenarioRecording.canonical(o) + " -o " + trace + ")");
        tally.print(out);
        for (ScenarioRun.RealmOutcome realm : r.realms()) {
            out.println("   realm " + realm.id() + " ended: " + realm.stopReason()
                    + "; granules left delegated: " + r.granulesLeftDelegated());
        }
        step(out, "2.", "replay", trace);
        step(out, "3.", "analyze", trace);
        return ExitCodes.OK;
    }

    /** Runs a sibling command on the trace if this build has it. */
    private void step(PrintWriter out, String n, String command, Path trace) {
        CommandLine parent = spec.commandLine().getParent();
        CommandLine sub = parent == null ? null : parent.getSubcommands().get(command);
        if (sub == null) {
            out.println(n + " " + command + ": not available in this build yet");
            return;
        }
        out.println(n + " ccatrace " + command + " " + trace);
        out.flush();
        int code = sub.execute(trace.toString());
        out.println("   (" + command + " exit code " + code + ")");
    }

    /** Counts what the demo summary shows. */
    private static final class Tally implements EventListener {
        private final Map<String, Integer> rmi = new TreeMap<>();
        private final Map<String, Integer> exits = new TreeMap<>();
        private final Map<String, Integer> rsi = new TreeMap<>();
        private int faults;

        @Override
        public void onEvent(ModelEvent e) {
            if (e instanceof ModelEvent.RmiCall) {
                rmi.merge(((ModelEvent.RmiCall) e).cmd(), 1, Integer::sum);
            } else if (e instanceof ModelEvent.RecExit) {
                exits.merge(((ModelEvent.RecExit) e).reason(), 1, Integer::sum);
            } else if (e instanceof ModelEvent.RsiCall) {
                rsi.merge(((ModelEvent.RsiCall) e).cmd(), 1, Integer::sum);
            } else if (e instanceof ModelEvent.Stage2Fault) {
                faults++;
            }
        }

        void print(PrintWriter out) {
            out.println("   host RMI calls: " + total(rmi) + " " + rmi);
            out.println("   realm SMCs: " + total(rsi) + " " + rsi);
            out.println("   REC exits: " + total(exits) + " " + exits + "; stage-2 faults: " + faults);
        }

        private static int total(Map<String, Integer> m) {
            int t = 0;
            for (int v : m.values()) t += v;
            return t;
        }
    }
}
