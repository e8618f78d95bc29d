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
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ccatrace record: simulate a scenario and record its trace (.arrows, .parquet or .jsonl). */
@Command(mixinStandardHelpOptions = true, name = "record", description = "Record a scenario (see `ccatrace scenarios`) into a trace.")
public final class RecordCommand implements Callable<Integer> {
    /** Recordings at least this long show progress on stderr (--progress auto). */
    static final long PROGRESS_FROM = 1_000_000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "boot", description = "scenario name (default boot)")
    String scenario;

    @Option(names = "--rmm", defaultValue = "1.0", description = "RMM model id (default 1.0)")
    String rmm;

    @Option(names = "--seed", defaultValue = "0", converter = Seeds.class,
            description = "random seed (default 0): decimal, or hex 0x... as `info` shows it")
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

    @Option(names = "--writer-thread", defaultValue = "auto", paramLabel = "auto|on|off",
            description = "write the trace on a thread of its own beside the simulation (same bytes; faster in"
                    + " wall time on two or more cores); auto (default): on when the JVM has at least 2 processors")
    String writerThread;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|redraw|lines|off",
            description = "progress on stderr: redraw (one line, redrawn), lines (a line per 10%%, for logs), off;"
                    + " auto (default): for recordings of " + PROGRESS_FROM + " events or more, redraw on a console, lines otherwise")
    String progress;

    @Option(names = "--arrow-compression", defaultValue = "none", paramLabel = "lz4|none", description = ArrowCompression.DESCRIPTION)
    String arrowCompression;

    @Option(names = "--direct-io", defaultValue = "on", paramLabel = "on|off",
            description = "for .arrows output: on (default) writes whole blocks with O_DIRECT where the file system allows it,"
                    + " past the page cache (same bytes, less kernel work for the recording); off: ordinary writes")
    String directIo;

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
        Numbers.positiveCount("--every", every);
        if (!checkpoints && spec.commandLine().getParseResult().hasMatchedOption("--every")) {
            throw new UserException("--every only goes with --checkpoints (or `ccatrace checkpoint TRACE --every N` later)");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new UserException("-o: directory " + parent + " does not exist");
        }
        boolean thread = writerThread(writerThread, Runtime.getRuntime().availableProcessors());
        boolean lz4 = ArrowCompression.lz4(arrowCompression, output);
        PrintWriter err = spec.commandLine().getErr();
        ProgressStyle style = progressStyle(progress, events, System.console() != null);
        boolean redraw = style == ProgressStyle.REDRAW;
        ScenarioRun.Result r;
        try (StopOnSignal stop = new StopOnSignal(err)) {
            try {
                r = ScenarioRecording.record(o, output, thread, new io.ccatrace.trace.ArrowWrite(lz4, onOff("--direct-io", directIo)),
                        written -> stop.around(style == ProgressStyle.OFF ? Progress.NONE : new StderrProgress(err, written, redraw))).result();
            } catch (StopOnSignal.Stopped s) {
                // the trace was ended with every event so far; the shutdown hook prints this and the JVM exits
                stop.stoppedWith((redraw ? "\n" : "") + "ccatrace: " + output + ": recording stopped by a signal after " + s.events()
                        + " events; the trace keeps all " + s.events() + ", as an unfinished recording"
                        + (checkpoints ? " (no checkpoints were written: `ccatrace checkpoint " + output + "` makes them)" : ""));
                return ExitCodes.INTERNAL; // not reached as an exit status: the JVM is exiting with the signal's
            }
        }
        if (redraw) err.println();
        PrintWriter out = spec.commandLine().getOut();
        out.println("recorded " + r.events() + " events to " + output + " ("
                + ScenarioRecording.canonical(o) + ")");
        realmLines(out, r);
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

    /** Realms listed one per line at most; host-fuzz with --events may relaunch hundreds. */
    static final int REALM_LINES = 64;

    /** How each realm ended, one line each (the first {@link #REALM_LINES}), and how many were relaunched. */
    static void realmLines(PrintWriter out, ScenarioRun.Result r) {
        List<ScenarioRun.RealmOutcome> realms = r.realms();
        for (int i = 0; i < Math.min(REALM_LINES, realms.size()); i++) {
            out.println("  realm " + realms.get(i).id() + ": " + realms.get(i).stopReason());
        }
        if (realms.size() > REALM_LINES) out.println("  ... and " + (realms.size() - REALM_LINES) + " more realms");
        if (r.relaunched() > 0) {
            out.println("  (" + r.relaunched() + " of them relaunched by their VMM after the hostile host killed a realm;"
                    + " `ccatrace stats` has one summary per realm)");
        }
    }

    /** An on|off option's value. */
    static boolean onOff(String option, String value) {
        switch (value) {
            case "on": return true;
            case "off": return false;
            default: throw new UserException(option + ": must be on or off, got '" + value + "'");
        }
    }

    /** How a recording shows its progress on stderr. */
    enum ProgressStyle {
        /** One line, redrawn ("\r") as the recording goes: for a console. */
        REDRAW,
        /** A line per 10% of the target (per 10M events without one): for a log. */
        LINES,
        /** Nothing. */
        OFF
    }

    /** --progress's style for a recording of about events events (0: the scenario's own length). */
    static ProgressStyle progressStyle(String mode, long events, boolean console) {
        switch (mode) {
            case "redraw": return ProgressStyle.REDRAW;
            case "lines": return ProgressStyle.LINES;
            case "off": return ProgressStyle.OFF;
            case "auto":
                return events < PROGRESS_FROM ? ProgressStyle.OFF : console ? ProgressStyle.REDRAW : ProgressStyle.LINES;
            default:
                throw new UserException("--progress: must be auto, redraw, lines or off, got '" + mode + "'");
        }
    }

    /** Whether --writer-thread (auto, on or off) puts the writer on a thread of its own, with this many processors. */
    static boolean writerThread(String mode, int processors) {
        switch (mode) {
            case "on": return true;
            case "off": return false;
            case "auto": return processors >= 2;
            default: throw new UserException("--writer-thread: must be auto, on or off, got '" + mode + "'");
        }
    }

    /**
     * "recording: 12.5M / 100.0M events (12%)" on stderr, with a writer thread also how many
     * of them are written ("12.4M written"): redrawn on one line ("\r" first) every 0.5M
     * events, or (for a log, which keeps every redraw) a line of its own every 10% of the
     * target, or every 10M events without one.
     */
    static final class StderrProgress implements Progress {
        private final PrintWriter err;
        /** Events written so far, or -1 when they are written as they are simulated. */
        private final LongSupplier written;
        private final boolean redraw;
        private long shown = -1;

        StderrProgress(PrintWriter err, LongSupplier written, boolean redraw) {
            this.err = err;
            this.written = written;
            this.redraw = redraw;
        }

        @Override
        public void update(long events, long target) {
            long step = redraw ? events / 500_000 : target > 0 ? Math.min(10, events * 10 / target) : events / 10_000_000;
            if (step == shown) return;
            shown = step;
            String pct = target > 0 ? String.format(" (%d%%)", Math.min(100, events * 100 / target)) : "";
            long w = written.getAsLong();
            String done = w < 0 ? "" : String.format(", %.1fM written", w / 1e6);
            String of = target > 0 ? String.format(" / %.1fM", target / 1e6) : "";   // the scenario's own length: no target
            String line = String.format("recording: %.1fM%s events%s%s", events / 1e6, of, pct, done);
            if (redraw) err.print("\r" + line);
            else err.println(line);
            err.flush();
        }
    }
}
