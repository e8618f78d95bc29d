package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.explain.CrashExplainer;
import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzers judge a row the same whether it comes as an immutable TraceEvent (row
 * reader) or as a reused cursor over column batches: same findings, counts, explanations,
 * on every sample trace and on recordings with violations (seeded bugs). The rules alone
 * find the same over the projection `analyze` reads ({@link Analyzer#COLUMNS}: any rule
 * reading another column would throw), on one thread and with the reader thread.
 */
class AnalyzerCursorPathTest {
    @TempDir
    Path tmp;

    record Result(long events, List<Finding> findings, Map<String, long[]> counts, List<String> explained) {
    }

    static Result byRows(Path p) throws IOException {
        CrashExplainer x = new CrashExplainer();
        Analyzer a = analyzer(x);
        try (TraceReader r = TraceFiles.open(p, w -> { })) {
            a.run(r);
        }
        return result(a, x);
    }

    static Result byCursor(Path p) throws IOException {
        CrashExplainer x = new CrashExplainer();
        Analyzer a = analyzer(x);
        try (TraceCursor c = TraceFiles.openCursor(p, Long.MIN_VALUE, w -> { })) {
            a.run(c);
        }
        return result(a, x);
    }

    /** As `analyze` reads: the rules alone over the projected cursor, one or two threads. */
    static Result byProjection(Path p, boolean readAhead) throws IOException {
        Analyzer a = new Analyzer(RuleCatalog.all(), new FindingSink());
        try (TraceCursor c = TraceFiles.openCursor(p, Analyzer.COLUMNS, Long.MIN_VALUE, readAhead, w -> { })) {
            a.run(c);
        }
        return new Result(a.events(), a.findings().findings(), a.findings().counts(), List.of());
    }

    private static Analyzer analyzer(CrashExplainer x) {
        List<io.ccatrace.analyzers.finding.Rule> rules = new ArrayList<>(RuleCatalog.all());
        rules.add(x);
        return new Analyzer(rules, new FindingSink());
    }

    private static Result result(Analyzer a, CrashExplainer x) {
        List<String> ex = new ArrayList<>();
        x.explanations().forEach(e -> ex.add(e.text()));
        return new Result(a.events(), a.findings().findings(), a.findings().counts(), ex);
    }

    static void assertSame(Path p) throws IOException {
        Result rows = byRows(p);
        Result cursor = byCursor(p);
        assertEquals(rows.events(), cursor.events(), p.toString());
        assertEquals(rows.findings(), cursor.findings(), p.toString());
        assertEquals(rows.counts().keySet(), cursor.counts().keySet(), p.toString());
        for (String rule : rows.counts().keySet()) {
            assertEquals(List.of(rows.counts().get(rule)[0], rows.counts().get(rule)[1]),
                    List.of(cursor.counts().get(rule)[0], cursor.counts().get(rule)[1]), p + " " + rule);
        }
        assertEquals(rows.explained(), cursor.explained(), p.toString());
        // the explainer adds no findings, so the rules alone must find the same
        for (boolean readAhead : new boolean[] {false, true}) {
            Result projected = byProjection(p, readAhead);
            assertEquals(rows.events(), projected.events(), p.toString());
            assertEquals(rows.findings(), projected.findings(), p + " readAhead=" + readAhead);
            assertEquals(counts(rows), counts(projected), p + " readAhead=" + readAhead);
        }
    }

    private static Map<String, List<Long>> counts(Result r) {
        Map<String, List<Long>> m = new java.util.TreeMap<>();
        r.counts().forEach((rule, n) -> m.put(rule, List.of(n[0], n[1])));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> sameResultsOnEverySampleTrace() throws Exception {
        return SampleScenarioTracesTest.commands().stream().map(a -> a[a.length - 1]).map(file ->
                DynamicTest.dynamicTest(file, () -> assertSame(SampleScenarioTracesTest.DIR.resolve(file))));
    }

    @Test
    void sameViolationsOnSeededBugRecordings() throws IOException {
        // no-scrub: the host reads a freed DATA granule (scrub check, NS_READ payloads);
        // destroy-keeps-mapping: granule-alias and granule-release across RTT and granule rows
        String[][] cases = {
            {"1.0-bug-no-scrub", "--scenario", "boot", "--vcpus", "1", "--seed", "1", "--inject", "peek-freed"},
            {"1.0-bug-destroy-keeps-mapping", "--scenario", "boot", "--vcpus", "1", "--seed", "1"},
            {"1.0-bug-fault-skips-ripas", "--scenario", "crash-empty-access", "--seed", "1"},
        };
        for (String[] c : cases) {
            Path t = tmp.resolve(c[0] + ".parquet");
            List<String> args = new ArrayList<>(List.of("record", "--rmm", c[0], "-o", t.toString()));
            args.addAll(List.of(c).subList(1, c.length));
            String[] r = ReplayCliTest.run(args.toArray(new String[0]));
            assertEquals("0", r[0], r[2]);
            assertTrue(byRows(t).counts().values().stream().anyMatch(n -> n[0] > 0), c[0] + ": a violation to compare");
            assertSame(t);
        }
    }
}
