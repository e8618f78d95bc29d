package io.ccatrace.cli;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.replay.ReplayOptions;
import io.ccatrace.replay.ReplayResult;
import io.ccatrace.replay.Replayer;
import io.ccatrace.replay.checkpoint.StateQuery;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench replay: records a scenario (untimed) and replays all of it, untimed, at
 * least --warmup times and then until a replay ran with the JIT quiet ({@link JitWarmUp}).
 * Then it times replays of all of it, a quarter and a half (memory must not grow with
 * length), the replay engine alone on rows in memory, and state queries. The whole replay
 * comes first, right after the warm-up whose code paths it repeats: a replay that stops at
 * --until leaves the replay loop by a branch the warm-up never took, which C2 compiled as a
 * trap, and the trap discards the loop's compiled code for the pass after it.
 *
 * <p>A replay decodes the trace on a second thread: its rate is per second of wall time,
 * with the replaying thread's CPU time and allocated bytes per event
 * ({@link ThreadAllocation}), the whole JVM's CPU time, the CPU time of every thread by name
 * (GC and JIT threads included; Linux), the JIT's compile time during the pass and the load
 * average beside it (the box is shared). The other rates are per second of this thread's
 * CPU time.
 */
@Command(mixinStandardHelpOptions = true, name = "replay", description = "Benchmark replay (events/s, heap vs trace length) and state queries.")
public final class BenchReplayCommand implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The engine-only pass holds every row as a TraceEvent (about 0.4 KB each): not for a 100 M-event --trace. */
    private static final long ENGINE_ONLY_MAX_ROWS = 10_000_000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "multi-realm", description = "scenario (default multi-realm)")
    String scenario;

    @Option(names = "--events", defaultValue = "500000", description = "events (default 500,000)")
    long events;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default 1)")
    long seed;

    @Option(names = "--format", defaultValue = "arrows", description = "arrows, parquet or jsonl (default arrows)")
    String format;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed full replays before the timed ones: at least this many,"
            + " then more until one ran with the JIT quiet (at most " + MAX_WARMUPS + "); default 2, 0 = cold")
    int warmups;

    /** Warm-up replays at most: on a busy box the compiler threads may never go quiet. */
    static final int MAX_WARMUPS = 8;

    /** A trace to replay instead of a recording of --scenario (e.g. the same 5 M-event trace for every jar compared). */
    @Option(names = "--box", defaultValue = "on", paramLabel = "on|off", description = BoxLines.DESCRIPTION)
    String box;

    @Option(names = "--trace", paramLabel = "TRACE", description = "replay this trace instead of recording one")
    Path given;

    /** reader: {@link ReplayReaderSplit} instead of the timed replays. */
    @Option(names = "--part", paramLabel = "PART", defaultValue = "all",
            description = "all (default), or reader: the replay reader thread's work part by part (3 passes)")
    String part;

    @Override
    public Integer call() throws Exception {
        if (events <= 0) throw new UserException("--events must be positive");
        if (warmups < 0) throw new UserException("--warmup must not be negative");
        if (!List.of("arrows", "parquet", "jsonl").contains(format)) {
            throw new UserException("--format: must be arrows, parquet or jsonl");
        }
        PrintWriter out = spec.commandLine().getOut();
        ScenarioOptions o = ScenarioRecording.options(scenario, "1.0", seed, 0, 0, 0, events, List.of());
        if (!List.of("all", "reader").contains(part)) throw new UserException("--part: must be all or reader");
        BoxLines boxLines = BoxLines.of(box, out);
        Path d = Files.createTempDirectory("ccatrace-bench");
        Path trace = given != null ? given : d.resolve("bench." + format);
        try {
            long n = given != null ? countRows(given) : ScenarioRecording.record(o, trace, Progress.NONE).events();
            out.println("trace: " + (given != null ? given.toString() : ScenarioRecording.canonical(o)) + ", " + n + " events, ." + format
                    + "; java " + System.getProperty("java.version") + ", max heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
            boxLines.before();
            if (part.equals("reader")) {
                ReplayReaderSplit.run(out, trace, 3);
                boxLines.after();
                return ExitCodes.OK;
            }
            if (warmups > 0) {
                List<String> jits;
                try (ThreadCpuSampler warm = new ThreadCpuSampler()) {  // the sampler's own code is warmed up too
                    jits = JitWarmUp.run(warmups, Math.max(warmups, MAX_WARMUPS), () -> replay(trace, -1, null));
                    warm.stopAndGet();
                }
                out.printf("warmed up by %d untimed full replay(s) (JIT %s s)%n", jits.size(), String.join(" / ", jits));
            }
            for (long until : new long[] {-1, n / 4, n / 2}) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long a0 = ThreadAllocation.bytes();
                long p0 = processCpu();
                long g0 = gcMillis();
                long j0 = JitWarmUp.jitMillis();
                ThreadCpuSampler threads = new ThreadCpuSampler();
                long w0 = System.nanoTime();
                ReplayResult r = replay(trace, until, null);
                double wall = (System.nanoTime() - w0) / 1e9;
                double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
                String alloc = ThreadAllocation.perEvent(a0, r.rows(), ", ");
                double all = (processCpu() - p0) / 1e9;
                Map<String, Double> perThread = threads.stopAndGet();
                threads.close();
                out.printf("replay %-10s %,11d events: %6.2f M events/s of wall (%.2f s), replaying thread %.2f s CPU"
                                + " (%.2f M events/s%s), all threads %.2f s CPU (GC %.2f s), load %.1f;"
                                + " heap after GC %4d MiB, %d divergences%s%n",
                        until < 0 ? "all" : "to " + until, r.rows(), r.rows() / wall / 1e6, wall, cpu,
                        r.rows() / cpu / 1e6, alloc, all, (gcMillis() - g0) / 1e3, load(),
                        heapAfterGc(), r.summary().total(), JitWarmUp.since(j0));
                out.printf("  CPU by thread: %s; the sampler itself %.2f s%n", byThread(perThread), threads.ownSeconds());
                out.flush();
            }
            if (n <= ENGINE_ONLY_MAX_ROWS) {
                engineOnly(out, trace);
            } else {
                out.printf("replay engine only: skipped (it holds every row in memory; traces up to %,d rows)%n", ENGINE_ONLY_MAX_ROWS);
            }
            for (long at : new long[] {n / 2, n - 1}) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                StateQuery.at(trace, at, false, w -> { });
                double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
                out.printf("state --at %,d (no checkpoint; see bench state): %.2f s CPU%n", at, cpu);
                out.flush();
            }
            boxLines.after();
        } finally {
            if (given == null) Files.deleteIfExists(trace);
            Files.deleteIfExists(d);
        }
        return ExitCodes.OK;
    }

    private static long countRows(Path trace) throws IOException {
        long n = 0;
        try (TraceCursor c = TraceFiles.openCursor(trace, java.util.EnumSet.of(io.ccatrace.trace.Column.SEQ), Long.MIN_VALUE, false, false, w -> { })) {
            while (c.next()) n++;
        }
        return n;
    }

    /** The replay engine alone (model, mapping, comparison) on rows already in memory. */
    private static void engineOnly(PrintWriter out, Path trace) throws IOException {
        List<TraceEvent> rows = new ArrayList<>();
        TraceMetadata meta;
        try (TraceReader reader = TraceFiles.open(trace, w -> { })) {
            while (reader.hasNext()) rows.add(reader.next());
            meta = reader.metadata();
        }
        Iterator<TraceEvent> it = rows.iterator();
        TraceReader memory = new TraceReader() {
            public TraceMetadata metadata() { return meta; }
            public boolean hasNext() { return it.hasNext(); }
            public TraceEvent next() { return it.next(); }
            public void close() { }
        };
        long c0 = THREADS.getCurrentThreadCpuTime();
        ReplayResult r = new Replayer(new ReplayOptions(null, -1, 0)).run(memory, d -> { });
        double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        out.printf("replay engine only (rows in memory) %,d events: %6.2f M events/s of CPU (%.2f s CPU)%n",
                r.rows(), r.rows() / cpu / 1e6, cpu);
        out.flush();
    }

    private static ReplayResult replay(Path trace, long until, String rmm) throws IOException {
        try (TraceCursor reader = Replayer.openCursor(trace, w -> { })) {
            return new Replayer(new ReplayOptions(rmm, until, 0)).run(reader, d -> { });
        }
    }

    /** "name 0.12 s, ..." by thread name, biggest first ("java" is the replaying thread), or why not. */
    private static String byThread(Map<String, Double> perThread) {
        if (perThread.isEmpty()) return "not available (needs Linux /proc)";
        StringBuilder b = new StringBuilder();
        perThread.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %.2f s", e.getKey(), e.getValue())));
        return b.toString();
    }

    /** CPU time of the whole JVM (every thread, GC and JIT included), in ns. */
    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** Time spent in garbage collections so far (ms, pauses and concurrent cycles as the JVM counts them). */
    private static long gcMillis() {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, g.getCollectionTime());
        }
        return t;
    }

    /** The system's one-minute load average, printed beside the benches' figures. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
