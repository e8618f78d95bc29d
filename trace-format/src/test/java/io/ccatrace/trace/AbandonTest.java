package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A writer abandoned part-way (a recording that failed): every row written reads back with an
 * intact chain, and the trace says it is incomplete, in each format, as a killed Arrow
 * recording does (docs/trace-format.md, "Completion"). close() after abandon() changes nothing.
 */
class AbandonTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"a.arrows", "a.parquet", "a.jsonl"})
    void rowsStayAndTheTraceIsIncomplete(String name) throws IOException {
        Path p = dir.resolve(name);
        List<TraceEvent> rows = TraceRoundTripTest.sample(2 * 4096 + 300);
        TraceWriter w = TraceFiles.create(p, TraceRoundTripTest.meta());
        for (TraceEvent e : rows) w.write(e);
        w.abandon();
        w.close();
        List<String> warnings = new ArrayList<>();
        assertEquals(rows, readUnfinished(p, warnings));
        try (TraceCursor c = TraceFiles.openCursor(p, Long.MIN_VALUE, warnings::add)) {
            long n = 0;
            while (c.next()) n++;
            assertEquals(rows.size(), n);
        }
        assertTrue(warnings.size() >= 2 && warnings.get(warnings.size() - 1).contains("incomplete"), warnings.toString());
    }

    /**
     * Every row of an unfinished trace, checking that it says so: incomplete, the chain
     * intact, and the one incomplete warning, added to warnings.
     */
    static List<TraceEvent> readUnfinished(Path p, List<String> warnings) throws IOException {
        List<TraceEvent> back = new ArrayList<>();
        List<String> own = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(p, own::add)) {
            while (r.hasNext()) back.add(r.next());
            assertFalse(r.complete());
            assertNull(r.chainBreak());
            assertEquals("false", r.metadata().get(TraceMetadata.COMPLETE));
        }
        assertEquals(List.of(VerifyingReader.incomplete(p.toString(), back.size())), own);
        warnings.addAll(own);
        return back;
    }
}
