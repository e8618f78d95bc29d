package io.ccatrace.cli;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Severity;
import io.ccatrace.analyzers.stats.TraceStats;
import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.EventBatch;
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
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench analyze: all rules over a Parquet trace (row reader), stats over it (columnar
 * reader), and the heap after GC at each quarter of the analysis (flat memory). Rates use
 * this thread's CPU time, since the machine is shared.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Benchmark the analyzers: rules and stats over a Parquet trace.")
public final class BenchAnalyzeCommand implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "5000000", description = "synthetic trace length (default 5,000,000)")
    long events;

    @Option(names = "--seed", defaultValue = "1", description = "synthetic trace seed")
    long seed;

    @Option(names = "--trace", description = "benchmark this Parquet trace instead of a synthetic one")
    Path trace;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
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
            stats(p, out); // warm-up
            read(p);
            long readNs = read(p);
            total = readCount;
            long n = analyze(p, out, true);
            long memNs = inMemory(p, out);
            long ruleNs = analyzeTime;
            long statsNs = stats(p, null);
            out.println(String.format(Locale.ROOT, "trace: %s, %d events%s", trace == null ? "synthetic" : p, n,
                    trace == null ? " (seed " + seed + ")" : ""));
            out.println(String.format(Locale.ROOT, "read rows only:           %7.2f M events/s", n / (readNs / 1e3)));
            out.println(String.format(Locale.ROOT, "all rules (read + rules): %7.2f M events/s", n / (ruleNs / 1e3)));
            out.println(String.format(Locale.ROOT, "stats (columnar):         %7.2f M events/s", n / (statsNs / 1e3)));
            out.println(String.format(Locale.ROOT, "all rules, events in memory (engine only, first %d events, 3rd run): %7.2f M events/s",
                    memCount, memCount / (memNs / 1e3)));
        } finally {
            if (dir != null) {
                Files.deleteIfExists(p);
                Files.deleteIfExists(dir);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private long analyzeTime;
    private long readCount;
    private long total;
    private int memCount;

    /** The engine alone: the first 1M events held in memory, analyzed three times (JIT), the third timed. */
    private long inMemory(Path p, PrintWriter out) throws IOException {
        java.util.List<TraceEvent> held = new java.util.ArrayList<>();
        try (TraceReader r = TraceFiles.open(p, w -> { })) {
            while (r.hasNext() && held.size() < 1_000_000) held.add(r.next());
        }
        memCount = held.size();
        long ns = 0;
        for (int run = 0; run < 3; run++) {
            Analyzer a = new Analyzer(RuleCatalog.all(), new FindingSink());
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (TraceEvent e : held) a.accept(e);
            a.finish();
            ns = THREADS.getCurrentThreadCpuTime() - t0;
        }
        return ns;
    }

    private long read(Path p) throws IOException {
        long t0 = THREADS.getCurrentThreadCpuTime();
        long n = 0;
        try (TraceReader r = TraceFiles.open(p, w -> { })) {
            while (r.hasNext()) {
                r.next();
                n++;
            }
        }
        readCount = n;
        return THREADS.getCurrentThreadCpuTime() - t0;
    }

    private long analyze(Path p, PrintWriter out, boolean heap) throws IOException {
        Analyzer a = new Analyzer(RuleCatalog.all(), new FindingSink());
        long cpu = 0;
        long t0 = THREADS.getCurrentThreadCpuTime();
        StringBuilder heaps = new StringBuilder();
        try (TraceReader r = TraceFiles.open(p, w -> { })) {
            long n = 0;
            while (r.hasNext()) {
                TraceEvent e = r.next();
                a.accept(e);
                n++;
                if (heap && total > 0 && total >= 4 && n % (total / 4) == 0) {
                    cpu += THREADS.getCurrentThreadCpuTime() - t0;
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    heaps.append(String.format(Locale.ROOT, " %d:%.1fMB", n, (rt.totalMemory() - rt.freeMemory()) / 1e6));
                    t0 = THREADS.getCurrentThreadCpuTime();
                }
            }
            a.finish();
        }
        cpu += THREADS.getCurrentThreadCpuTime() - t0;
        analyzeTime = cpu;
        out.println("heap after GC at each quarter (events:used):" + heaps);
        out.println("findings: " + a.findings().total(Severity.VIOLATION) + " violation(s), "
                + a.findings().total(Severity.WARNING) + " warning(s); live shadow objects: "
                + a.shadow().granules.tracked() + " granules, " + a.shadow().liveRealms() + " realms, "
                + a.shadow().liveRecs() + " RECs");
        return a.events();
    }

    private long stats(Path p, PrintWriter unused) throws IOException {
        TraceStats s = new TraceStats();
        s.startTrace();
        long t0 = THREADS.getCurrentThreadCpuTime();
        try (BatchReader r = TraceFiles.openColumns(p, TraceStats.COLUMNS)) {
            for (EventBatch b = r.next(); b != null; b = r.next()) s.accept(b);
        }
        return THREADS.getCurrentThreadCpuTime() - t0;
    }
}
