package io.ccatrace.cli;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.finding.Severity;
import io.ccatrace.analyzers.stats.TraceStats;
import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
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
 * the reader alone, the engine alone on events held in memory (all rules, and each rule on
 * its own so the figures say which rule costs what), and the heap after GC at each quarter
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
            if (todo.contains("rules")) rules(p);
            if (todo.contains("rules-split")) rulesSplit(p);
            if (todo.contains("per-kind")) perKind(p);
            if (todo.contains("stats")) stats(p);
            if (todo.contains("engine") || todo.contains("per-rule")) {
                List<TraceEvent> held = hold(p);
                if (todo.contains("engine")) engine(held);
                if (todo.contains("per-rule")) perRule(held);
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
        out.println(String.format(Locale.ROOT, "%-44s %8.2f M events/s  (%d events, %.3f s CPU)", what,
                n / (cpuNs / 1e3), n, cpuNs / 1e9));
    }

    private static long cpu() {
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
     * All rules fed from the row cursor exactly as analyze opens it (its projection, and the
     * reader thread unless --threads 1). Reports the first pass (cold: the JIT is still
     * compiling, as in one `analyze` of a short trace) and the median of --rule-passes passes
     * after --rule-warmup more untimed ones (JIT-warm, as over a long trace): wall time, CPU
     * time of the analyzer thread and of the reader thread. The heap after a GC at each
     * quarter is taken in the last pass, outside the timed spans.
     */
    private void rules(Path p) throws IOException {
        if (rulePasses < 1 || ruleWarmup < 0) throw new UserException("--rule-passes must be positive, --rule-warmup not negative");
        long total;
        try (BatchReader r = TraceFiles.openColumns(p, java.util.EnumSet.of(io.ccatrace.trace.Column.SEQ))) {
            total = 0;
            for (EventBatch b = r.next(); b != null; b = r.next()) total += b.size();
        }
        RulesPass cold = rulesPass(p, total, false);
        for (int i = 0; i < ruleWarmup; i++) rulesPass(p, total, false);
        List<RulesPass> warm = new ArrayList<>();
        for (int i = 0; i < rulePasses; i++) warm.add(rulesPass(p, total, i == rulePasses - 1));
        RulesPass last = warm.get(warm.size() - 1);
        warm.sort(java.util.Comparator.comparingLong(RulesPass::cpuNs));
        RulesPass median = warm.get(warm.size() / 2);
        Analyzer a = last.analyzer();
        out.println("heap after GC at each quarter (events:used):" + last.heaps());
        out.println("findings: " + a.findings().total(Severity.VIOLATION) + " violation(s), "
                + a.findings().total(Severity.WARNING) + " warning(s); live shadow objects: "
                + a.shadow().granules.tracked() + " granules, " + a.shadow().liveRealms() + " realms, "
                + a.shadow().liveRecs() + " RECs");
        report("first pass (cold JIT)", cold);
        report("median of " + rulePasses + " warm passes", median);
        if (checkChain) storageCheck(p);
    }

    /** The storage-digest check a checked projection runs on a thread of its own, timed here alone. */
    private void storageCheck(Path p) throws IOException {
        if (!p.toString().endsWith(".parquet")) return;
        long t0 = cpu();
        io.ccatrace.trace.parquet.StorageDigest.Outcome o = io.ccatrace.trace.parquet.StorageDigest.check(p, () -> false);
        long ns = cpu() - t0;
        long bytes = java.nio.file.Files.size(p);
        out.println(String.format(Locale.ROOT, "%-44s %8.3f s CPU (%s; %d bytes of file, %.2f ns/byte)",
                "  storage digest check (its own thread):", ns / 1e9,
                !o.present() ? "no digests: the event chain is checked" : o.matches() ? "matches" : "differs",
                bytes, ns / (double) bytes));
    }

    /**
     * Where the analyzer thread's time goes, JIT-warm: the cursor alone (rows stepped, nothing
     * read), the shadow alone (no rule), all rules; each the median of --rule-passes passes
     * after --rule-warmup + 1 untimed ones, by analyzer-thread CPU.
     */
    private void rulesSplit(Path p) throws IOException {
        if (rulePasses < 1 || ruleWarmup < 0) throw new UserException("--rule-passes must be positive, --rule-warmup not negative");
        String[] names = {"cursor only (rows stepped):", "shadow only (no rule):", "shadow + all rules:"};
        out.println("analyzer thread, JIT-warm, median of " + rulePasses + " passes (ns per event):");
        for (int v = 0; v < names.length; v++) {
            List<Rule> rules = v == 2 ? RuleCatalog.all() : List.of();
            boolean judge = v > 0;
            for (int i = 0; i <= ruleWarmup; i++) rulesPass(p, 0, false, rules, judge);
            long[] cpu = new long[rulePasses];
            long n = 0;
            for (int i = 0; i < rulePasses; i++) {
                RulesPass r = rulesPass(p, 0, false, rules, judge);
                cpu[i] = r.cpuNs();
                n = r.events();
            }
            java.util.Arrays.sort(cpu);
            long m = cpu[rulePasses / 2];
            out.println(String.format(Locale.ROOT, "  %-30s %7.1f ns/event  (%.2f M events/s)", names[v], m / (double) n, n / (m / 1e3)));
        }
    }

    /**
     * What each kind's rows cost the shadow, by ablation: passes of the shadow alone over the
     * cursor (as analyze reads it), all rows, then with one kind's rows skipped (the cursor
     * still steps them), for each kind the trace has; rounds alternate the variants, each round
     * starting at the next one, so the load and the round's first pass hit them alike; after --rule-warmup + 1 untimed rounds, the median of --rule-passes by
     * analyzer-thread CPU. Only the shadow: with rules, skipping state rows makes them report
     * findings, whose messages would then dominate.
     */
    private void perKind(Path p) throws IOException {
        if (rulePasses < 1 || ruleWarmup < 0) throw new UserException("--rule-passes must be positive, --rule-warmup not negative");
        EventKind[] kinds = EventKind.values();
        long[] rows = new long[kinds.length];
        long n = shadowPass(p, null, rows)[1];
        long[][] cpu = new long[kinds.length + 1][rulePasses];
        for (int round = 0; round <= ruleWarmup + rulePasses; round++) {
            for (int i = 0; i <= kinds.length; i++) {
                // each round starts at another variant: the first pass of a round ran slower here
                int v = (i + round) % (kinds.length + 1);
                if (v > 0 && rows[v - 1] == 0) continue;
                long ns = shadowPass(p, v == 0 ? null : kinds[v - 1], null)[0];
                if (round > ruleWarmup) cpu[v][round - ruleWarmup - 1] = ns;
            }
        }
        long all = median(cpu[0]);
        out.println(String.format(Locale.ROOT, "shadow only, one kind's rows skipped at a time (analyzer thread, JIT-warm, median of %d; all rows %.1f ns/event):",
                rulePasses, all / (double) n));
        for (int k = 0; k < kinds.length; k++) {
            if (rows[k] == 0) continue;
            long saved = all - median(cpu[k + 1]);
            out.println(String.format(Locale.ROOT, "  %-14s %5.1f%% of rows  saves %6.1f ns/event  (%7.1f ns per %s row)",
                    kinds[k], 100.0 * rows[k] / n, saved / (double) n, saved / (double) rows[k], kinds[k]));
        }
    }

    private static long median(long[] a) {
        long[] s = a.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One pass of the shadow alone, skipping the rows of one kind (none: null): {analyzer CPU ns, rows}; counts rows per kind into perKind when given. */
    private long[] shadowPass(Path p, EventKind skip, long[] perKind) throws IOException {
        Analyzer a = new Analyzer(List.of(), new FindingSink());
        long n = 0;
        long t0 = cpu();
        try (TraceCursor r = TraceFiles.openCursor(p, Analyzer.COLUMNS, Long.MIN_VALUE, threads == 2, checkChain, w -> { })) {
            while (r.next()) {
                EventKind k = r.kind();
                if (perKind != null) perKind[k.ordinal()]++;
                if (k != skip) a.accept(r);
                n++;
            }
            a.finish();
        }
        return new long[] {cpu() - t0, n};
    }

    private void report(String which, RulesPass r) {
        out.println("all rules (analyze), " + which + ":");
        rate("  analyzer thread CPU:", r.events(), r.cpuNs());
        if (threads == 2) rate("  reader thread CPU (decoding, ahead):", r.events(), r.readerNs());
        out.println(String.format(Locale.ROOT, "%-44s %8.2f M events/s  (%d events, %.3f s wall, %d thread(s); load %.1f)",
                "  wall:", r.events() / (r.wallNs() / 1e3), r.events(), r.wallNs() / 1e9, threads, r.load()));
        if (threads == 2) {
            // wall = open + wait for the first batch + the analyzer's CPU after open + waits for
            // later batches + the rest: time the analyzer thread was runnable but off its core
            // (other processes, GC pauses, JIT threads), or in GC pauses
            long rest = r.wallNs() - r.openNs() - r.firstNs() - (r.cpuNs() - r.openCpuNs()) - r.waitNs();
            out.println(String.format(Locale.ROOT, "  wall = open %.1f ms + first batch %.1f ms + analyzer CPU %.1f ms + waits for later batches %.1f ms + off-core %.1f ms",
                    r.openNs() / 1e6, r.firstNs() / 1e6, (r.cpuNs() - r.openCpuNs()) / 1e6, r.waitNs() / 1e6, rest / 1e6));
        }
    }

    /** One pass of the rules part: CPU of the analyzer and reader threads, wall time. */
    private record RulesPass(Analyzer analyzer, long events, long cpuNs, long readerNs, long wallNs, long openNs,
                             long openCpuNs, long firstNs, long waitNs, double load, String heaps) {
    }

    private RulesPass rulesPass(Path p, long total, boolean heap) throws IOException {
        return rulesPass(p, total, heap, RuleCatalog.all(), true);
    }

    /** A pass with these rules (the shadow alone when none), or the cursor alone when !judge. */
    private RulesPass rulesPass(Path p, long total, boolean heap, List<Rule> rules, boolean judge) throws IOException {
        Analyzer a = new Analyzer(rules, new FindingSink());
        long ns = 0;
        long wall = 0;
        long readerNs = 0;
        StringBuilder heaps = new StringBuilder();
        long t0 = cpu();
        long w0 = System.nanoTime();
        Thread readerThread = null;
        long n = 0;
        long openNs;
        long openCpu;
        long firstNs = 0;
        long waitNs = 0;
        try (TraceCursor r = TraceFiles.openCursor(p, Analyzer.COLUMNS, Long.MIN_VALUE, threads == 2, checkChain, w -> { })) {
            openNs = System.nanoTime() - w0;
            openCpu = cpu() - t0;
            while (true) {
                // the projected cursor's batches start every 4,096 rows: time the calls that may
                // wait for the reader thread (the first one also starts it)
                boolean edge = (n & 4095) == 0;
                long e0 = edge ? System.nanoTime() : 0;
                if (!r.next()) break;
                if (edge) {
                    long d = System.nanoTime() - e0;
                    if (n == 0) firstNs = d; else waitNs += d;
                }
                if (n == 0 && threads == 2) readerThread = thread("ccatrace-batch-reader");
                if (judge) a.accept(r);
                n++;
                if (heap && total >= 4 && n % (total / 4) == 0) {
                    ns += cpu() - t0;
                    wall += System.nanoTime() - w0;
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    heaps.append(String.format(Locale.ROOT, " %d:%.1fMB", n, (rt.totalMemory() - rt.freeMemory()) / 1e6));
                    t0 = cpu();
                    w0 = System.nanoTime();
                }
            }
            if (judge) a.finish();
            ns += cpu() - t0;
            wall += System.nanoTime() - w0;
            // the reader thread's CPU time: it waits for close() after the last batch
            if (readerThread != null) readerNs = THREADS.getThreadCpuTime(readerThread.getId());
        }
        return new RulesPass(a, n, ns, readerNs, wall, openNs, openCpu, firstNs, waitNs,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), heaps.toString());
    }

    private static Thread thread(String name) {
        Thread[] all = new Thread[Thread.activeCount() + 8];
        int k = Thread.enumerate(all);
        for (int i = 0; i < k; i++) {
            if (all[i].getName().equals(name)) return all[i];
        }
        return null;
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

    /** The shadow alone, then the shadow plus each rule: a rule's cost is the difference. */
    private void perRule(List<TraceEvent> held) {
        long base = timeEngine(held, List.of());
        double n = held.size();
        out.println(String.format(Locale.ROOT, "per rule, events in memory (%d events, last of %d runs):", held.size(), runs));
        out.println(String.format(Locale.ROOT, "  %-26s %7.1f ns/event", "shadow only (no rule)", base / n));
        for (Rule r : RuleCatalog.all()) {
            long ns = timeEngine(held, List.of(r.id()));
            out.println(String.format(Locale.ROOT, "  %-26s %7.1f ns/event (+%.1f over the shadow)", r.id(), ns / n, (ns - base) / n));
        }
        long all = timeEngine(held, null);
        out.println(String.format(Locale.ROOT, "  %-26s %7.1f ns/event (%.2f M events/s)", "all rules", all / n, n / (all / 1e3)));
    }
}
