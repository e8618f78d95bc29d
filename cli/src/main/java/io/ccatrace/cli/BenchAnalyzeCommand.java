package io.ccatrace.cli;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.stats.TraceStats;
import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench analyze: all rules over a Parquet trace, stats over it (columnar reader),
 * the reader alone, the engine alone on events held in memory (all rules), each rule's cost
 * over the shadow on the cursor (per-rule), and the heap after GC at each quarter
 * of the rules pass (flat memory). Rates use the CPU time of the benchmark thread (and of
 * the reader thread, which analyze uses too), since the machine is shared; the rules pass
 * also gives its wall time.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Benchmark the analyzers: rules and stats over a Parquet trace.")
public final class BenchAnalyzeCommand implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> PARTS = List.of("read", "cursor-read", "rules", "rules-split", "per-kind", "stats", "engine", "per-rule");

    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "5000000", description = "synthetic trace length (default 5,000,000)")
    long events;

    @Option(names = "--seed", defaultValue = "1", description = "synthetic trace seed")
    long seed;

    @Option(names = "--trace", description = "benchmark this Parquet trace instead of a synthetic one")
    Path trace;

    @Option(names = "--part", split = ",", paramLabel = "PART",
            description = "what to time: read, cursor-read, rules, rules-split, per-kind, stats, engine, per-rule (default: all but rules-split, per-kind and per-rule)")
    List<String> parts;

    @Option(names = "--runs", defaultValue = "3",
            description = "in-memory engine runs; the last is timed (default 3, for a JIT-warm figure)")
    int runs;

    @Option(names = "--stats-threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "stats part: column-decoding threads to time, one line each (default 1,2)")
    List<Integer> statsThreads;

    @Option(names = "--memory-events", defaultValue = "1000000",
            description = "events held in memory for the engine figures (default 1,000,000)")
    int memoryEvents;

    @Option(names = "--check-chain", description = "rules part: check the integrity chain, as analyze"
            + " does by default (without it: as --no-check-chain)")
    boolean checkChain;

    @Option(names = "--rule-warmup", defaultValue = "2", paramLabel = "N",
            description = "rules part: untimed passes after the first (cold) one, so the timed passes run JIT-compiled code (default 2)")
    int ruleWarmup;

    @Option(names = "--rule-passes", defaultValue = "3", paramLabel = "N",
            description = "rules part: timed JIT-warm passes; the median by analyzer-thread CPU is reported (default 3)")
    int rulePasses;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "rules part: 1 = decode and judge on one thread, 2 (default, as analyze) = a reader thread decodes ahead")
    int threads;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        List<String> todo = parts == null || parts.isEmpty() ? List.of("read", "cursor-read", "rules", "stats", "engine") : parts;
        for (String p : todo) {
            if (!PARTS.contains(p)) throw new UserException("--part: unknown part '" + p + "' (known: " + String.join(", ", PARTS) + ")");
        }
        if (runs < 1) throw new UserException("--runs must be positive");
        if (threads != 1 && threads != 2) throw new UserException("--threads must be 1 or 2, not " + threads);
        out = spec.commandLine().getOut();
        Path dir = null;
        Path p = trace;
        if (p == null) {
            dir = Files.createTempDirectory("ccatrace-bench-analyze");
            p = dir.resolve("bench.parquet");
            try (TraceWriter w = TraceFiles.create(p, TraceMetadata.empty().with(TraceMetadata.SCENARIO, "bench"))) {
                SyntheticTrace gen = new SyntheticTrace(events, seed);
                while (gen.hasNext()) w.write(gen.next());
            }
        }
        try {
            out.println(String.format(Locale.ROOT, "trace: %s%s", trace == null ? "synthetic" : p,
                    trace == null ? " (seed " + seed + ")" : ""));
            if (todo.contains("read")) read(p);
            if (todo.contains("cursor-read")) cursorRead(p);
            AnalyzeRulesBench rb = new AnalyzeRulesBench(out, threads, checkChain, ruleWarmup, rulePasses);
            if (todo.contains("rules")) rb.rules(p);
            if (todo.contains("rules-split")) rb.rulesSplit(p);
            if (todo.contains("per-kind")) rb.perKind(p);
            if (todo.contains("stats")) stats(p);
            if (todo.contains("per-rule")) rb.perRule(p);
            if (todo.contains("engine")) {
                List<TraceEvent> held = hold(p);
                engine(held);
            }
        } finally {
            if (dir != null) {
                Files.deleteIfExists(p);
                Files.deleteIfExists(dir);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void rate(String what, long n, long cpuNs) {
        rate(out, what, n, cpuNs);
    }

    /** One line: what, events per second of cpuNs, events and CPU seconds. */
    static void rate(PrintWriter out, String what, long n, long cpuNs) {
        out.println(String.format(Locale.ROOT, "%-44s %8.2f M events/s  (%d events, %.3f s CPU)", what,
                n / (cpuNs / 1e3), n, cpuNs / 1e9));
    }

    /** CPU time of the calling thread, in ns. */
    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The row reader alone (every column, chain check): second pass timed. */
    private void read(Path p) throws IOException {
        long ns = 0;
        long n = 0;
        for (int pass = 0; pass < 2; pass++) {
            long t0 = cpu();
            n = 0;
            try (TraceReader r = TraceFiles.open(p, w -> { })) {
                while (r.hasNext()) {
                    r.next();
                    n++;
                }
            }
            ns = cpu() - t0;
        }
        rate("read rows only:", n, ns);
    }

    /** The row cursor alone (every column, chain check per batch): third pass timed. */
    private void cursorRead(Path p) throws IOException {
        long ns = 0;
        long n = 0;
        for (int pass = 0; pass < 3; pass++) {
            long t0 = cpu();
            n = 0;
            try (TraceCursor c = TraceFiles.openCursor(p, Long.MIN_VALUE, w -> { })) {
                while (c.next()) n++;
            }
            ns = cpu() - t0;
        }
        rate("cursor read only:", n, ns);
    }

    /**
     * Stats over the columnar path, as `stats` does, for each thread count: two warm-up
     * passes, then the median of three timed ones by wall time, with the process's CPU time
     * (every thread: decoders, GC, JIT) and the bench thread's of that pass.
     */
    private void stats(Path p) throws IOException {
        for (int threads : statsThreads) {
            if (threads < 1) throw new UserException("--stats-threads must be positive");
            long[][] runs = new long[5][];
            for (int pass = 0; pass < runs.length; pass++) {
                TraceStats s = new TraceStats();
                s.startTrace();
                long w0 = System.nanoTime();
                long p0 = processCpu();
                long t0 = cpu();
                try (BatchReader r = TraceFiles.openColumns(p, TraceStats.COLUMNS, threads)) {
                    for (EventBatch b = r.next(); b != null; b = r.next()) s.accept(b);
                }
                runs[pass] = new long[] {System.nanoTime() - w0, processCpu() - p0, cpu() - t0, s.events()};
            }
            long[][] timed = java.util.Arrays.copyOfRange(runs, 2, runs.length);
            java.util.Arrays.sort(timed, java.util.Comparator.comparingLong(r -> r[0]));
            long[] m = timed[timed.length / 2];
            out.println(String.format(Locale.ROOT,
                    "%-44s %8.2f M events/s wall, %.2f M/s per process CPU-s, %.2f M/s per bench-thread CPU-s (%d events, %.3f s wall, %.3f s process CPU)",
                    "stats (columnar, " + threads + " thread" + (threads == 1 ? "" : "s") + "):",
                    m[3] / (m[0] / 1e3), m[3] / (m[1] / 1e3), m[3] / (m[2] / 1e3), m[3], m[0] / 1e9, m[1] / 1e9));
        }
    }

    /** CPU time of the whole process (every thread), in ns. */
    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return cpu();
    }

    private List<TraceEvent> hold(Path p) throws IOException {
        List<TraceEvent> held = new ArrayList<>();
        try (TraceReader r = TraceFiles.open(p, w -> { })) {
            while (r.hasNext() && held.size() < memoryEvents) held.add(r.next());
        }
        return held;
    }

    /** CPU time of the last of {@link #runs} runs of these rules over the held events. */
    private long timeEngine(List<TraceEvent> held, List<String> ruleIds) {
        long ns = 0;
        for (int run = 0; run < runs; run++) {
            List<Rule> rs = ruleIds == null ? RuleCatalog.all() : RuleCatalog.selectExactly(ruleIds);
            Analyzer a = new Analyzer(rs, new FindingSink());
            long t0 = cpu();
            for (TraceEvent e : held) a.accept(e);
            a.finish();
            ns = cpu() - t0;
        }
        return ns;
    }

    private void engine(List<TraceEvent> held) {
        rate("all rules, engine only (events in memory):", held.size(), timeEngine(held, null));
    }
}
