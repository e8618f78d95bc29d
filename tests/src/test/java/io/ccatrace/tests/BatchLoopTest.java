package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch-at-a-time loop ({@link Analyzer#run(TraceCursor)}: the fused handlers step each
 * batch's rows and switch on its kind codes) finds exactly what the same analyzer finds fed
 * one row at a time ({@link Analyzer#accept}), on every sample trace and on host-fuzz
 * recordings of seeded RMM bugs: all rules, each rule alone, from the start and from a seq
 * in the middle of a batch, with and without the reader thread.
 */
class BatchLoopTest {
    @TempDir
    Path tmp;

    /** What the analyzer found, and the size of its shadow state at the end (granules, mappings, NS pages, released granules, realms, RECs). */
    record Result(long events, List<Finding> findings, Map<String, List<Long>> counts, List<Integer> shadow) {
    }

    static Result run(Path p, List<Rule> rules, long fromSeq, boolean readAhead, boolean byBatch) throws IOException {
        Analyzer a = new Analyzer(rules, new FindingSink());
        assertTrue(a.fused(), "the batch loop is the fused handlers'");
        try (TraceCursor c = TraceFiles.openCursor(p, Analyzer.COLUMNS, fromSeq, readAhead, w -> { })) {
            if (byBatch) {
                long batches = 0;
                while (c.next()) {
                    assertNotNull(c.batchKinds(), "a file cursor has batches");
                    a.acceptBatch(c);
                    assertEquals(c.batchSize() - 1, c.row(), "the batch loop leaves the cursor on the batch's last row");
                    batches++;
                }
                a.finish();
                assertTrue(batches <= a.events(), "batches, not rows");
            } else {
                while (c.next()) a.accept(c);
                a.finish();
            }
        }
        Map<String, List<Long>> counts = new TreeMap<>();
        a.findings().counts().forEach((rule, n) -> counts.put(rule, List.of(n[0], n[1])));
        var s = a.shadow();
        List<Integer> shadow = List.of(s.granules.tracked(), s.mappings.size(), s.ns.pages(), s.released.tracked(),
                s.liveRealms(), s.liveRecs());
        return new Result(a.events(), a.findings().findings(), counts, shadow);
    }

    /** Batch loop and row by row agree on p; returns the number of findings of all rules. */
    static int assertSame(Path p) throws IOException {
        Result rows = run(p, RuleCatalog.all(), Long.MIN_VALUE, false, false);
        assertEquals(rows, run(p, RuleCatalog.all(), Long.MIN_VALUE, false, true), p + " all rules");
        assertEquals(rows, run(p, RuleCatalog.all(), Long.MIN_VALUE, true, true), p + " all rules, reader thread");
        assertEquals(run(p, List.of(), Long.MIN_VALUE, false, false), run(p, List.of(), Long.MIN_VALUE, false, true), p + " shadow alone");
        for (String id : RuleCatalog.ids()) {
            assertEquals(run(p, RuleCatalog.select(List.of(id)), Long.MIN_VALUE, false, false),
                    run(p, RuleCatalog.select(List.of(id)), Long.MIN_VALUE, false, true), p + " rule " + id);
        }
        // from a seq inside the first batch: the loop starts at the cursor's row, not at 0
        long from = rows.events() / 3 + 1;
        Result tail = run(p, RuleCatalog.all(), from, false, false);
        assertTrue(tail.events() < rows.events() && tail.events() > 0, p + " from seq " + from);
        assertEquals(tail, run(p, RuleCatalog.all(), from, true, true), p + " from seq " + from);
        return rows.findings().size();
    }

    @TestFactory
    Stream<DynamicTest> sameFindingsOnEverySampleTrace() throws Exception {
        return FusedEnginePathTest.onEverySample(BatchLoopTest::assertSame);
    }

    @Test
    void sameFindingsOnHostFuzzRecordingsOfSeededBugs() throws IOException {
        FusedEnginePathTest.onSeededBugs(tmp, BatchLoopTest::assertSame);
    }

    @Test
    void theCursorMovesOnlyForwardWithinItsBatch() throws IOException {
        Path p = SampleScenarioTracesTest.DIR.resolve("host-fuzz.parquet");
        try (TraceCursor c = TraceFiles.openCursor(p, Analyzer.COLUMNS, Long.MIN_VALUE, false, w -> { })) {
            assertTrue(c.next());
            int n = c.batchSize();
            assertTrue(n > 2, "a batch of several rows");
            int[] kinds = c.batchKinds();
            c.moveTo(2);
            assertEquals(2, c.row());
            assertEquals(kinds[2], c.kind().ordinal(), "the accessors read the row moved to");
            assertThrows(IndexOutOfBoundsException.class, () -> c.moveTo(1));
            assertThrows(IndexOutOfBoundsException.class, () -> c.moveTo(n));
            long seq = c.seq();
            assertTrue(c.next());
            assertEquals(seq + 1, c.seq(), "next() goes on from the row moved to");
        }
    }
}
