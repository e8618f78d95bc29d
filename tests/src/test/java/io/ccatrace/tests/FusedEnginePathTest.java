package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.explain.CrashExplainer;
import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fused per-kind handlers (the default {@link Analyzer}) find exactly what the per-rule
 * path ({@link Analyzer#perRule}: every rule's check() in turn) finds: same findings, counts
 * and explanations, with all rules, with each rule alone (`--rule`), and with the explainer
 * added, on every sample trace and on host-fuzz recordings of seeded RMM bugs and injections.
 */
class FusedEnginePathTest {
    @TempDir
    Path tmp;

    record Result(long events, List<Finding> findings, Map<String, List<Long>> counts, List<String> explained) {
    }

    static Result run(Path p, List<Rule> rules, CrashExplainer x,
                      BiFunction<List<Rule>, FindingSink, Analyzer> engine) throws IOException {
        List<Rule> rs = new ArrayList<>(rules);
        if (x != null) rs.add(x);
        Analyzer a = engine.apply(rs, new FindingSink());
        try (TraceCursor c = x == null
                ? TraceFiles.openCursor(p, Analyzer.COLUMNS, Long.MIN_VALUE, false, w -> { })
                : TraceFiles.openCursor(p, Long.MIN_VALUE, w -> { })) {
            a.run(c);
        }
        Map<String, List<Long>> counts = new TreeMap<>();
        a.findings().counts().forEach((rule, n) -> counts.put(rule, List.of(n[0], n[1])));
        List<String> ex = new ArrayList<>();
        if (x != null) x.explanations().forEach(e -> ex.add(e.text()));
        return new Result(a.events(), a.findings().findings(), counts, ex);
    }

    /** Fused and per-rule agree on p for all rules, each rule alone and all rules plus the explainer; returns the findings of all rules. */
    static int assertSame(Path p) throws IOException {
        assertTrue(new Analyzer(RuleCatalog.all(), new FindingSink()).fused(), "the default analyzer takes the fused handlers");
        assertTrue(!Analyzer.perRule(RuleCatalog.all(), new FindingSink()).fused());
        Result fused = run(p, RuleCatalog.all(), null, Analyzer::new);
        assertEquals(run(p, RuleCatalog.all(), null, Analyzer::perRule), fused, p + " all rules");
        for (String id : RuleCatalog.ids()) {
            assertEquals(run(p, RuleCatalog.select(List.of(id)), null, Analyzer::perRule),
                    run(p, RuleCatalog.select(List.of(id)), null, Analyzer::new), p + " rule " + id);
        }
        assertEquals(run(p, RuleCatalog.all(), new CrashExplainer(), Analyzer::perRule),
                run(p, RuleCatalog.all(), new CrashExplainer(), Analyzer::new), p + " with the explainer");
        return fused.findings().size();
    }

    @TestFactory
    Stream<DynamicTest> sameFindingsOnEverySampleTrace() throws Exception {
        return onEverySample(FusedEnginePathTest::assertSame);
    }

    @Test
    void sameFindingsOnHostFuzzRecordingsOfSeededBugs() throws IOException {
        onSeededBugs(tmp, FusedEnginePathTest::assertSame);
    }

    /** A comparison on one trace; returns the number of findings it compared. */
    interface TraceCheck {
        int check(Path trace) throws IOException;
    }

    /** One dynamic test per sample trace. */
    static Stream<DynamicTest> onEverySample(TraceCheck c) throws Exception {
        return SampleScenarioTracesTest.commands().stream().map(a -> a[a.length - 1]).map(file ->
                DynamicTest.dynamicTest(file, () -> c.check(SampleScenarioTracesTest.DIR.resolve(file))));
    }

    /** Runs c on the seeded-bug recordings (written into dir); they must have findings to compare. */
    static void onSeededBugs(Path dir, TraceCheck c) throws IOException {
        int findings = 0;
        for (Path t : seededBugRecordings(dir)) findings += c.check(t);
        assertTrue(findings > 0, "the recordings must have findings to compare");
    }

    /** Host-fuzz recordings of six seeded RMM bugs with injections, written into dir. */
    static List<Path> seededBugRecordings(Path dir) {
        String[][] cases = {
            {"1.0-bug-no-scrub", "--inject", "peek-freed"},
            {"1.0-bug-destroy-keeps-mapping"},
            {"1.0-bug-map-unprot-protected", "--inject", "map-ns-protected,ns-peek"},
            {"1.0-bug-rec-in-active-realm"},
            {"1.0-bug-enter-system-off", "--inject", "enter-after-off,skip-psci-complete"},
            {"1.0-bug-ripas-unrequested", "--inject", "unrequested-ripas,bad-rsi-args,wrong-mpidr"},
        };
        List<Path> out = new ArrayList<>();
        for (String[] c : cases) {
            Path t = dir.resolve(c[0] + ".parquet");
            List<String> args = new ArrayList<>(List.of("record", "--rmm", c[0], "--scenario", "host-fuzz",
                    "--seed", "1", "-o", t.toString()));
            args.addAll(List.of(c).subList(1, c.length));
            String[] r = ReplayCliTest.run(args.toArray(new String[0]));
            assertEquals("0", r[0], r[2]);
            out.add(t);
        }
        return out;
    }

    /**
     * The recordings of EditedTraceRulesTest edited to break each rule once (so that every
     * rule reports, through the fused handlers' narrow checks), plus the NS_READ side of
     * ns-gpf: host reads from the RD with no GPF.
     */
    @Test
    void sameFindingsOnTracesEditedToBreakEachRule() throws Exception {
        EditedTraceRulesTest.dir = tmp;   // its recording helper writes there
        List<String> boot = EditedTraceRulesTest.dump("boot", "--scenario", "boot", "--vcpus", "1", "--seed", "1", "--inject", "enter-after-off,peek-freed");
        List<String> crash = EditedTraceRulesTest.dump("crash", "--scenario", "crash-destroyed-ram", "--seed", "1");
        EditedTraceRulesTest.boot = boot;   // the edits that name the boot realm's RD read it
        List<List<String>> edited = new ArrayList<>();
        for (EditedTraceRulesTest.Edit e : EditedTraceRulesTest.EDITS) {
            List<String> lines = new ArrayList<>(e.crashTrace() ? crash : boot);
            int at = EditedTraceRulesTest.nth(lines, e.after(), e.row(), e.nth());
            lines.set(at, e.change().apply(lines.get(at)));
            edited.add(lines);
        }
        List<String> reads = new ArrayList<>(boot);
        long rd = EditedTraceRulesTest.rd();
        for (int n = 0; n < 3; n++) {
            int at = EditedTraceRulesTest.nth(reads, EditedTraceRulesTest.ACTIVATED, EditedTraceRulesTest.has("\"kind\":\"NS_READ\""), n);
            String l = reads.get(at);
            reads.set(at, EditedTraceRulesTest.setHex(l, "pa", EditedTraceRulesTest.hex(l, "pa") & 0xFFF | rd));
        }
        edited.add(reads);
        Map<String, Long> byRule = new TreeMap<>();
        for (int i = 0; i < edited.size(); i++) {
            Path events = tmp.resolve("edit" + i + "-events.jsonl");
            Files.write(events, edited.get(i));
            Path t = tmp.resolve("edit" + i + ".jsonl");
            String[] r = ReplayCliTest.run("import", events.toString(), "-o", t.toString());
            assertEquals("0", r[0], r[2]);
            assertSame(t);
            run(t, RuleCatalog.all(), null, Analyzer::new).counts().forEach((rule, n) -> byRule.merge(rule, n.get(0), Long::sum));
        }
        for (String id : RuleCatalog.ids()) assertTrue(byRule.getOrDefault(id, 0L) > 0, id + " reported no violation: " + byRule);
    }

    @Test
    void twoRulesOfOneClassTakeThePerRulePathAndBothReport() throws IOException {
        Path p = SampleScenarioTracesTest.DIR.resolve("host-fuzz.parquet");
        List<Rule> twice = new ArrayList<>(RuleCatalog.all());
        twice.addAll(RuleCatalog.all());
        Result once = run(p, RuleCatalog.all(), null, Analyzer::new);
        assertTrue(!new Analyzer(twice, new FindingSink()).fused());
        Result doubled = run(p, twice, null, Analyzer::new);
        assertTrue(!once.findings().isEmpty(), "host-fuzz has findings");
        assertEquals(2 * once.findings().size(), doubled.findings().size());
    }
}
