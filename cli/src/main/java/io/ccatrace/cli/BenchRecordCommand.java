package io.ccatrace.cli;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.recorder.Recorder;
import io.ccatrace.trace.ArrowWrite;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.arrow.ArrowStreamSink;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench record: single-threaded simulation of a scenario, first without any
 * listener (the model alone), with --glue then with the recorder filling its rows for a
 * writer that drops them (model + recorder glue), then recorded to a trace file (model +
 * recorder + writer), each --passes times after untimed warm-up runs of its own; every pass is printed,
 * then the medians. Each recorded pass is followed by one with the recorder's writer thread
 * ({@link ThreadedPass}: wall rate, and the CPU time of both threads); with --writer the
 * recorder and writer alone on kept events
 * ({@link WriterParts}). Each pass also shows the bytes the timed thread allocated per event
 * ({@link ThreadAllocation}) and the JIT's compile time during it: a pass with seconds of it
 * ran partly in code that was not yet compiled by C2 (still warming up).
 */
@Command(mixinStandardHelpOptions = true, name = "record", description = "Benchmark simulation alone and simulation + recording of a scenario (on one thread, and with the recorder's writer thread: wall rate and both threads' CPU).")
public final class BenchRecordCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "multi-realm", description = "scenario (default multi-realm)")
    String scenario;

    @Option(names = "--events", defaultValue = "5000000", description = "events per run (default 5,000,000)")
    long events;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default 1)")
    long seed;

    @Option(names = "--format", defaultValue = "arrows", description = "trace format: arrows, parquet or jsonl (default arrows)")
    String format;

    @Option(names = "--box", defaultValue = "on", paramLabel = "on|off", description = BoxLines.DESCRIPTION)
    String box;

    @Option(names = "--dir", description = "directory for the trace (default: a temporary one, removed)")
    Path dir;

    @Option(names = "--warmup", defaultValue = "1000000",
            description = "events of each untimed warm-up run (JIT): before its timed passes, each part runs such runs of its own until one ran with the JIT quiet (at most "
                    + MAX_WARMUPS + "), default 1,000,000; 0 = cold")
    long warmup;

    /** Warm-up runs per part at most: on a busy box the compiler thread may never go quiet. */
    static final int MAX_WARMUPS = 8;

    @Option(names = "--passes", defaultValue = "3", paramLabel = "N",
            description = "timed passes of each part after the warm-up; each is printed with its ns/event and the median (by CPU) is reported last (default 3)")
    int passes;

    @Option(names = "--writer", paramLabel = "N",
            description = "also time the recorder and writer without the model, last: the events of an N-event run kept in memory, given to the recorder with rows dropped, written to /dev/null and to a file (default 0: not)")
    long writer;

    @Option(names = "--compare", paramLabel = "lz4|buffered",
            description = "with --format arrows: after each recorded pass (the default way of writing) also time one written"
                    + " another way, in the same JVM, and report both medians: lz4 = LZ4-compressed buffers"
                    + " (--arrow-compression lz4), buffered = without O_DIRECT (--direct-io off)")
    String compare;

    @Option(names = "--glue",
            description = "also time the recorder without a writer (its rows are dropped): the recorder glue's own cost, between the two parts")
    boolean glue;

    @Override
    public Integer call() throws Exception {
        if (events <= 0) throw new UserException("--events must be positive");
        if (!List.of("arrows", "parquet", "jsonl").contains(format)) {
            throw new UserException("--format: must be arrows, parquet or jsonl");
        }
        ScenarioOptions o = ScenarioRecording.options(scenario, "1.0", seed, 0, 0, 0, events, List.of());
        if (warmup < 0) throw new UserException("--warmup must not be negative");
        if (passes < 1) throw new UserException("--passes must be positive");
        if (writer < 0) throw new UserException("--writer must not be negative");
        PrintWriter out = spec.commandLine().getOut();
        BoxLines boxLines = BoxLines.of(box, out);
        out.println("scenario: " + ScenarioRecording.canonical(o) + "; java " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, warm-up " + warmup + " events");
        boxLines.before();
        ScenarioOptions w = ScenarioRecording.options(scenario, "1.0", seed, 0, 0, 0, warmup, List.of());
        warmUp(out, "simulate only", () -> new ScenarioRun(w).run(Progress.NONE));
        List<Pass> sim = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            sim.add(threadPass(() -> new ScenarioRun(o).run(Progress.NONE).events()));
            report(out, "simulate only" + passLabel(i), sim.get(i));
        }
        List<Pass> rows = new ArrayList<>();
        if (glue) warmUp(out, "simulate + recorder glue", () -> glueRun(w));
        for (int i = 0; glue && i < passes; i++) {
            rows.add(threadPass(() -> glueRun(o)));
            report(out, "simulate + recorder glue" + passLabel(i), rows.get(i));
        }
        boolean temp = dir == null;
        Path d = temp ? Files.createTempDirectory("ccatrace-bench") : Files.createDirectories(dir);
        Path trace = d.resolve("bench." + format);
        List<Pass> rec = new ArrayList<>();
        List<Pass> others = new ArrayList<>();
        List<ThreadedPass> threaded = new ArrayList<>();
        ArrowWrite other = other(compare);
        boolean compare = other != null && format.equals("arrows");
        String otherName = compare ? (other.lz4() ? "LZ4 buffers" : "buffered") : "";
        try {
            warmUp(out, "simulate + record", () -> {
                ScenarioRecording.record(w, trace, Progress.NONE);
                if (compare) ScenarioRecording.record(w, trace, false, other, n -> Progress.NONE);
                ThreadedPass.run(w, trace);
            });
            for (int i = 0; i < passes; i++) {
                rec.add(recordPass(o, trace, ArrowWrite.DEFAULT));
                report(out, "simulate + record to ." + format + passLabel(i), rec.get(i));
                if (compare) {
                    others.add(recordPass(o, trace, other));
                    report(out, "simulate + record to .arrows, " + otherName + passLabel(i), others.get(i));
                }
                threaded.add(ThreadedPass.run(o, trace));
                threaded.get(i).report(out, "simulate + record, writer thread" + passLabel(i));
            }
        } finally {
            if (temp) {
                Files.deleteIfExists(trace);
                Files.deleteIfExists(d);
            }
        }
        List<List<Pass>> alone = writerParts(out);
        boxLines.after();
        if (passes > 1) {
            report(out, "simulate only, median", median(sim));
            if (glue) report(out, "simulate + recorder glue, median", median(rows));
            report(out, "simulate + record, median", median(rec));
            if (compare) report(out, "simulate + record, " + otherName + ", median", median(others));
            ThreadedPass.median(threaded).report(out, "simulate + record, writer thread, median");
            for (int i = 0; i < alone.size(); i++) report(out, writerNames.get(i) + ", median", median(alone.get(i)));
        }
        return ExitCodes.OK;
    }

    /** The other way of writing --compare names, or null without it. */
    private static ArrowWrite other(String compare) {
        if (compare == null) return null;
        switch (compare) {
            case "lz4": return ArrowWrite.DEFAULT.withLz4(true);
            case "buffered": return ArrowWrite.DEFAULT.withDirectIo(false);
            default: throw new UserException("--compare: must be lz4 or buffered, got '" + compare + "'");
        }
    }

    /** A run of a pass: the events it went through. */
    private interface EventsRun {
        long run() throws IOException;
    }

    /**
     * One timed pass of work on this thread: its CPU time with the collector's ({@link
     * CollectorCpu}), the bytes it allocated per event and the JIT's time during it.
     */
    private static Pass threadPass(EventsRun run) throws IOException {
        long t0 = System.nanoTime();
        long c0 = cpu();
        long j0 = JitWarmUp.jitMillis();
        long a0 = ThreadAllocation.bytes();
        long g0 = CollectorCpu.nanos();
        long events = run.run();
        long gc = CollectorCpu.nanos() - g0;
        return new Pass(events, System.nanoTime() - t0, cpu() - c0 + gc,
                gcShare(gc, events) + ThreadAllocation.perEvent(a0, events) + JitWarmUp.since(j0));
    }

    /**
     * One timed recording on this thread (an Arrow trace written as how says);
     * its extra figures include the part of the thread's CPU spent in the kernel (the write calls).
     */
    private static Pass recordPass(ScenarioOptions o, Path trace, ArrowWrite how) throws IOException {
        long t0 = System.nanoTime();
        long c0 = cpu();
        long u0 = user();
        long j0 = JitWarmUp.jitMillis();
        long a0 = ThreadAllocation.bytes();
        long io0 = ArrowStreamSink.directIoCpuNanos();
        long g0 = CollectorCpu.nanos();
        ScenarioRun.Result r = ScenarioRecording.record(o, trace, false, how, n -> Progress.NONE).result();
        long own = cpu() - c0;
        long kernel = own - (user() - u0);
        long io = ArrowStreamSink.directIoCpuNanos() - io0;
        long gc = CollectorCpu.nanos() - g0;
        long c = own + io + gc; // the direct I/O thread and the collector work for this recording: their CPU counts
        // user time comes in clock ticks (10 ms): the kernel's part is shown for passes of 0.2 s or more
        String k = own >= 200_000_000L ? String.format(", kernel %.0f ns/event", Math.max(0, kernel) / (double) r.events()) : "";
        return new Pass(r.events(), System.nanoTime() - t0, c,
                String.format("  %.2f bytes/event", (double) Files.size(trace) / r.events()) + k + ioShare(io, r.events())
                        + gcShare(gc, r.events()) + ThreadAllocation.perEvent(a0, r.events()) + JitWarmUp.since(j0));
    }

    private List<String> writerNames = List.of();

    /** With --writer: each part of {@link WriterParts}, passes alternated, each pass printed. */
    private List<List<Pass>> writerParts(PrintWriter out) throws Exception {
        List<List<Pass>> all = new ArrayList<>();
        if (writer == 0) return all;
        Path d = Files.createTempDirectory("ccatrace-writer");
        try {
            WriterParts w = new WriterParts(ScenarioRecording.options(scenario, "1.0", seed, 0, 0, 0, writer, List.of()), d, format);
            writerNames = w.parts();
            for (int i = 0; i < writerNames.size(); i++) all.add(new ArrayList<>());
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < writerNames.size(); i++) {
                    all.get(i).add(w.pass(i));
                    report(out, writerNames.get(i) + passLabel(p), all.get(i).get(p));
                }
            }
        } finally {
            Files.deleteIfExists(d);
        }
        return all;
    }

    /** The model with the recorder filling rows for a writer that drops them; returns the events. */
    private static long glueRun(ScenarioOptions o) throws IOException {
        ScenarioRun run = new ScenarioRun(o);
        try (Recorder recorder = new Recorder(new DroppingWriter())) {
            run.machine().addListener(recorder);
            return run.run(Progress.NONE).events();
        }
    }

    /**
     * Untimed --warmup-event runs of one part right before its timed passes, until one ran
     * with the JIT quiet (or {@link #MAX_WARMUPS}): each part has compiled code of its own
     * (no listener, the dropping writer, the real writer), and switching parts deoptimizes
     * the code the part before left (EventBus.publish's listener loop, Recorder.onEvent),
     * so one warm-up for all parts left the first timed passes of each part still compiling.
     * Prints the runs and the JIT time during each.
     */
    private void warmUp(PrintWriter out, String part, JitWarmUp.Run run) throws Exception {
        if (warmup == 0) return;
        List<String> jits = JitWarmUp.run(1, MAX_WARMUPS, run);
        out.printf("%s: warmed up by %d untimed run(s) of %,d events (JIT %s s)%n", part, jits.size(), warmup,
                String.join(" / ", jits));
        out.flush();
    }

    /**
     * Rates per second of this thread's CPU time (the box may be shared, so wall time
     * would measure the other processes too); wall time is shown alongside.
     */
    private static void report(PrintWriter out, String what, Pass p) {
        double cpu = p.cpuNanos / 1e9;
        out.printf("%-36s %,d events: %.2f M events/s of CPU (%.2f s CPU, %.0f ns/event, %.2f s wall)%s%n", what,
                p.events, p.events / cpu / 1e6, cpu, (double) p.cpuNanos / p.events, p.wallNanos / 1e9, p.extra);
        out.flush();
    }

    private String passLabel(int i) {
        return passes == 1 ? "" : " (pass " + (i + 1) + ")";
    }

    /** A writer that drops every row: what is left is the model and the recorder's rows. */
    static final class DroppingWriter implements TraceWriter {
        @Override
        public void write(EventView row) {
        }

        @Override
        public void abandon() {
        }

        @Override
        public void close() {
        }
    }

    /** One timed run: events, wall and CPU time of this thread, what else to print. */
    record Pass(long events, long wallNanos, long cpuNanos, String extra) {
    }

    /** The pass with the median CPU time per event. */
    private static Pass median(List<Pass> passes) {
        List<Pass> sorted = new ArrayList<>(passes);
        sorted.sort(java.util.Comparator.comparingDouble(p -> (double) p.cpuNanos / p.events));
        return sorted.get(sorted.size() / 2);
    }

    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The direct I/O thread's CPU per event when it did any work (it is included in the pass's CPU figure). */
    static String ioShare(long ioNanos, long events) {
        return ioNanos > 0 ? String.format(", direct I/O thread %.0f ns/event", (double) ioNanos / events) : "";
    }

    /** The collector threads' CPU per event ({@link CollectorCpu}; included in the pass's CPU figure). */
    static String gcShare(long gcNanos, long events) {
        return String.format(", collector %.0f ns/event", (double) gcNanos / events);
    }

    /** This thread's CPU time in user mode (cpu() minus the kernel's part), ns. */
    static long user() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadUserTime();
    }
}
