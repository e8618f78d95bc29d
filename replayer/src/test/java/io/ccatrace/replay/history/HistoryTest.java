package io.ccatrace.replay.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.ScenarioTraces;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History read through a trace file's row cursor (one reused view, arrays valid until the
 * next row) lists exactly the rows that touch the subject when each row is an immutable
 * event in memory, in the same words.
 */
class HistoryTest {
    @TempDir
    Path dir;

    private static TraceEvent first(List<TraceEvent> rows, EventKind kind) {
        for (TraceEvent e : rows) {
            if (e.kind() == kind) return e;
        }
        throw new AssertionError("no " + kind);
    }

    @Test
    void theCursorListsWhatTheRowsList() throws IOException {
        ScenarioTraces t = ScenarioTraces.record(Scenario.MULTI_REALM, 4, 6_000);
        List<TraceEvent> rows = t.rows();
        List<Subject> subjects = List.of(
                new Subject(Subject.Kind.PA, first(rows, EventKind.GRANULE_STATE).pa()),
                new Subject(Subject.Kind.IPA, first(rows, EventKind.RTT_ENTRY).ipa()),
                new Subject(Subject.Kind.REC, first(rows, EventKind.REC_STATE).rec()));
        for (String ext : new String[] {"arrows", "parquet"}) {
            Path file = t.writeTo(dir.resolve("h." + ext), TraceMetadata.empty());
            for (Subject s : subjects) {
                List<String> expected = new ArrayList<>();
                for (TraceEvent e : rows) {
                    if (s.touchedBy(e)) expected.add(History.line(e));
                }
                StringWriter w = new StringWriter();
                long n;
                try (TraceCursor c = TraceFiles.openCursor(file, Long.MIN_VALUE, x -> { throw new AssertionError(x); })) {
                    n = History.print(c, s, new PrintWriter(w, true));
                }
                assertTrue(expected.size() >= 3, s + ": " + expected.size() + " rows");
                assertEquals(expected.size(), n, s + " " + ext);
                assertEquals(expected, w.toString().lines().toList(), s + " " + ext);
            }
        }
    }
}
