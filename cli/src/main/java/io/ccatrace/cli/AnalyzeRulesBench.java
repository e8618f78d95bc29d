package io.ccatrace.cli;

import static io.ccatrace.cli.BenchAnalyzeCommand.cpu;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.finding.Severity;
import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of `bench analyze` that run the rules over the trace as `analyze` reads it: rules
 * (cold and JIT-warm passes, wall split, heap at the quarters), rules-split (cursor / shadow /
 * all rules) and per-kind (the shadow's cost of each kind's rows, by ablation).
 */
final class AnalyzeRulesBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PrintWriter out;
    private final int threads;
    private final boolean checkChain;
    private final int ruleWarmup;
    private final int rulePasses;

    AnalyzeRulesBench(PrintWriter out, int threads, boolean checkChain, int ruleWarmup, int rulePasses) {
        this.out = out;
        this.threads = threads;
        this.checkChain = checkChain;
        this.ruleWarmup = ruleWarmup;
        this.rulePasses = rulePasses;
    }

    /**
     * All rules fed from the row cursor exactly as analyze opens it (its projection, and the
     * reader thread unless --threads 1). Reports the first pass (cold: the JIT is still
     * compiling, as in one `analyze` of a short trace) and the median of --rule-passes passes
     * after --rule-warmup more untimed ones (JIT-warm, as over a long trace): wall time, CPU
     * time of the analyzer thread and of the reader thread. The heap after a GC at each
     * quarter is taken in the last pass, outside the timed spans.
     */
    void rules(Path p) throws IOException {
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
    void rulesSplit(Path p) throws IOException {
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
    void perKind(Path p) throws IOException {
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

    /**
     * What each rule costs over the shadow, over the cursor as analyze reads it: passes of the
     * shadow alone, of each rule alone, of all rules (the fused handlers) and of all rules on
     * the per-rule path ({@link Analyzer#perRule}), the variants alternated within each round
     * and each round starting at the next one (as {@link #perKind}); after --rule-warmup + 1
     * untimed rounds, the median of --rule-passes by analyzer-thread CPU.
     */
    void perRule(Path p) throws IOException {
        if (rulePasses < 1 || ruleWarmup < 0) throw new UserException("--rule-passes must be positive, --rule-warmup not negative");
        List<String> ids = new ArrayList<>();
        for (Rule r : RuleCatalog.all()) ids.add(r.id());
        int variants = ids.size() + 3;
        long[][] cpu = new long[variants][rulePasses];
        long n = 0;
        for (int round = 0; round <= ruleWarmup + rulePasses; round++) {
            for (int i = 0; i < variants; i++) {
                int v = (i + round) % variants;
                Analyzer a;
                if (v == 0) a = new Analyzer(List.of(), new FindingSink());
                else if (v <= ids.size()) a = new Analyzer(RuleCatalog.selectExactly(List.of(ids.get(v - 1))), new FindingSink());
                else if (v == ids.size() + 1) a = new Analyzer(RuleCatalog.all(), new FindingSink());
                else a = Analyzer.perRule(RuleCatalog.all(), new FindingSink());
                long[] r = pass(p, a, null, null, true);
                n = r[1];
                if (round > ruleWarmup) cpu[v][round - ruleWarmup - 1] = r[0];
            }
        }
        long shadow = median(cpu[0]);
        out.println(String.format(Locale.ROOT, "per rule over the cursor (analyzer thread, JIT-warm, median of %d; %d events):", rulePasses, n));
        out.println(String.format(Locale.ROOT, "  %-32s %7.1f ns/event", "shadow only (no rule)", shadow / (double) n));
        for (int i = 0; i < ids.size(); i++) {
            long m = median(cpu[i + 1]);
            out.println(String.format(Locale.ROOT, "  %-32s %7.1f ns/event (%s over the shadow)", ids.get(i), m / (double) n,
                    signed((m - shadow) / (double) n)));
        }
        long all = median(cpu[ids.size() + 1]);
        long loop = median(cpu[ids.size() + 2]);
        out.println(String.format(Locale.ROOT, "  %-32s %7.1f ns/event (%.2f M events/s)", "all rules (fused handlers)", all / (double) n, n / (all / 1e3)));
        out.println(String.format(Locale.ROOT, "  %-32s %7.1f ns/event (%.2f M events/s)", "all rules (per-rule path)", loop / (double) n, n / (loop / 1e3)));
    }

    private static String signed(double v) {
        return v < 0 ? String.format(Locale.ROOT, "-%.1f", -v) : String.format(Locale.ROOT, "+%.1f", v);
    }

    private static long median(long[] a) {
        long[] s = a.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One pass of the shadow alone, skipping the rows of one kind (none: null): {analyzer CPU ns, rows}; counts rows per kind into perKind when given. */
    private long[] shadowPass(Path p, EventKind skip, long[] perKind) throws IOException {
        return pass(p, new Analyzer(List.of(), new FindingSink()), skip, perKind, false);
    }

    /**
     * One pass of analyzer a over the cursor, row by row skipping the rows of one kind (none:
     * null), or a batch at a time as `analyze` (byBatch: nothing skipped or counted): {analyzer CPU ns, rows}.
     */
    private long[] pass(Path p, Analyzer a, EventKind skip, long[] perKind, boolean byBatch) throws IOException {
        long n = 0;
        long t0 = cpu();
        try (TraceCursor r = TraceFiles.openCursor(p, Analyzer.COLUMNS, Long.MIN_VALUE, threads == 2, checkChain, w -> { })) {
            while (r.next()) {
                if (byBatch) {
                    n += batch(a, r);
                    continue;
                }
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
        BenchAnalyzeCommand.rate(out, "  analyzer thread CPU:", r.events(), r.cpuNs());
        if (threads == 2) BenchAnalyzeCommand.rate(out, "  reader thread CPU (decoding, ahead):", r.events(), r.readerNs());
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
                // the analyzer takes a batch at a time, so each next() here starts a batch and may
                // wait for the reader thread (the first one also starts it): time them all
                long e0 = System.nanoTime();
                if (!r.next()) break;
                long d = System.nanoTime() - e0;
                if (n == 0) firstNs = d; else waitNs += d;
                if (n == 0 && threads == 2) readerThread = thread("ccatrace-batch-reader");
                long before = n;
                n += judge ? batch(a, r) : stepBatch(r);
                if (heap && total >= 4 && n / (total / 4) != before / (total / 4)) {
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

    /** Analyzer a takes the cursor's current row and the rest of its batch (as `analyze`); returns the rows taken. */
    private static long batch(Analyzer a, TraceCursor r) {
        long before = a.events();
        a.acceptBatch(r);
        return a.events() - before;
    }

    /** Steps the cursor over the rest of its batch, reading nothing; returns the rows stepped. */
    private static long stepBatch(TraceCursor r) {
        if (r.batchKinds() == null) return 1;
        int from = r.row();
        int to = r.batchSize();
        for (int i = from + 1; i < to; i++) r.moveTo(i);
        return to - from;
    }

    private static Thread thread(String name) {
        Thread[] all = new Thread[Thread.activeCount() + 8];
        int k = Thread.enumerate(all);
        for (int i = 0; i < k; i++) {
            if (all[i].getName().equals(name)) return all[i];
        }
        return null;
    }
}
