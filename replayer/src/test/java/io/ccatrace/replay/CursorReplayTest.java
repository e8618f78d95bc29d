package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replay from a cursor whose single row object is refilled for every row (as the trace
 * readers' cursors do) gives exactly the replay from immutable rows: the windows copy what
 * they keep, divergences included.
 */
class CursorReplayTest {
    /** A cursor over rows that shows every row through one reused, refilled view. */
    private static WindowReader.Cursor reusing(List<TraceEvent> rows) {
        Iterator<TraceEvent> it = rows.iterator();
        RowCopy row = new RowCopy();
        return new WindowReader.Cursor() {
            public boolean next() {
                if (!it.hasNext()) return false;
                row.copyOf(it.next());
                return true;
            }

            public EventView row() {
                return row;
            }
        };
    }

    private static List<Divergence> viaRows(ScenarioTraces t, List<TraceEvent> rows, ReplayResult[] r) throws IOException {
        List<Divergence> d = new ArrayList<>();
        r[0] = new Replayer(ReplayOptions.all()).run(new ListTrace(t.metadata(), rows), d::add);
        return d;
    }

    private static List<Divergence> viaCursor(ScenarioTraces t, List<TraceEvent> rows, ReplayResult[] r) throws IOException {
        List<Divergence> d = new ArrayList<>();
        r[0] = new Replayer(ReplayOptions.all()).run(t.metadata(), new WindowReader(reusing(rows)), d::add);
        return d;
    }

    /** Through the read-ahead thread, as `ccatrace replay` reads a trace file. */
    private static List<Divergence> viaReadAhead(ScenarioTraces t, List<TraceEvent> rows, ReplayResult[] r) throws IOException {
        List<Divergence> d = new ArrayList<>();
        try (ReadAhead windows = new ReadAhead(reusing(rows), -1)) {
            r[0] = new Replayer(ReplayOptions.all()).run(t.metadata(), windows, d::add);
        }
        return d;
    }

    private static void assertSameResult(ReplayResult a, ReplayResult b) {
        assertEquals(List.of(a.rows(), a.inputs(), a.lastSeq(), a.summary().total()),
                List.of(b.rows(), b.inputs(), b.lastSeq(), b.summary().total()));
        assertEquals(a.stoppedEarly(), b.stoppedEarly());
        assertEquals(a.summary().byCommand(), b.summary().byCommand());
    }

    @Test
    void aCursorReplayIsTheRowReplay() throws IOException {
        ScenarioTraces t = ScenarioTraces.record(Scenario.IO_STORM, 3, 8_000);
        ReplayResult[] a = new ReplayResult[1];
        ReplayResult[] b = new ReplayResult[1];
        ReplayResult[] c = new ReplayResult[1];
        assertEquals(List.of(), viaCursor(t, t.rows(), b));
        assertEquals(List.of(), viaReadAhead(t, t.rows(), c));
        viaRows(t, t.rows(), a);
        assertSameResult(a[0], b[0]);
        assertSameResult(a[0], c[0]);
        assertEquals(t.rows().size(), b[0].rows());
    }

    @Test
    void editedRowsGiveTheSameDivergencesThroughACursor() throws IOException {
        ScenarioTraces t = ScenarioTraces.record(Scenario.MULTI_REALM, 2, 6_000);
        List<TraceEvent> rows = new ArrayList<>(t.rows());
        int edits = 0;
        int removed = -1;
        for (int i = 0; i < rows.size() && edits < 6; i += 397) {
            TraceEvent e = rows.get(i);
            if (e.kind() == EventKind.RMI_CALL && e.status() != null) {
                rows.set(i, e.toBuilder().status("RMI_ERROR_INPUT").build());
                edits++;
            } else if (e.kind() == EventKind.PAS_CHANGE || e.kind() == EventKind.RTT_ENTRY) {
                rows.set(i, e.toBuilder().to("ROOT").build());
                edits++;
            } else if (removed < 0 && !e.isInput() && i > 0) {
                removed = i;              // an effect the replay will call extra
            }
        }
        if (removed > 0) rows.set(removed, rows.get(removed).toBuilder().pa(0x1000).build());
        ReplayResult[] a = new ReplayResult[1];
        ReplayResult[] b = new ReplayResult[1];
        List<Divergence> rowsReplay = viaRows(t, rows, a);
        List<Divergence> cursorReplay = viaCursor(t, rows, b);
        ReplayResult[] c = new ReplayResult[1];
        List<Divergence> aheadReplay = viaReadAhead(t, rows, c);
        assertTrue(rowsReplay.size() >= edits, rowsReplay.size() + " divergences for " + edits + " edits");
        assertEquals(rowsReplay, cursorReplay);
        assertEquals(rowsReplay, aheadReplay);
        assertSameResult(a[0], b[0]);
        assertSameResult(a[0], c[0]);
    }
}
