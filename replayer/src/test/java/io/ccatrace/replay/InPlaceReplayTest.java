package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-place replay (straight from a cursor, no copy of rows that replay identically)
 * gives exactly the sequential replay over a {@link WindowReader}: the same divergences
 * (recorded rows rebuilt for reports included), totals and stop reason, the same error
 * for a bad row, and it reads exactly as many rows before it stops.
 */
class InPlaceReplayTest {
    private static final ScenarioTraces TRACE = ScenarioTraces.record(Scenario.MULTI_REALM, 2, 8_000);

    /** A replay's outcome: divergences, totals, rows read, error message. */
    private record Outcome(List<Divergence> divergences, List<Object> totals, int read, String error) {
    }

    private static Outcome sequential(List<TraceEvent> rows, ReplayOptions o) {
        ListCursor c = new ListCursor(TRACE.metadata(), rows);
        List<Divergence> d = new ArrayList<>();
        try {
            ReplayResult r = new Replayer(o).run(TRACE.metadata(), new WindowReader(WindowReader.cursorOf(c)), d::add);
            return new Outcome(d, totals(r), c.read, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(d, null, c.read, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Outcome inPlace(List<TraceEvent> rows, ReplayOptions o) {
        ListCursor c = new ListCursor(TRACE.metadata(), rows);
        List<Divergence> d = new ArrayList<>();
        try {
            ReplayResult r = new Replayer(o).run(c, d::add);
            return new Outcome(d, totals(r), c.read, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(d, null, c.read, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<Object> totals(ReplayResult r) {
        return List.of(r.recordedModel(), r.replayModel(), r.rows(), r.inputs(), r.lastSeq(),
                String.valueOf(r.stoppedEarly()), r.summary().total(), r.summary().byCommand());
    }

    /** Rows with a status, a state change and a PA edited here and there (inputs and effects). */
    private static List<TraceEvent> edited(int every) {
        List<TraceEvent> rows = new ArrayList<>(TRACE.rows());
        for (int i = 1; i < rows.size(); i += every) {
            TraceEvent e = rows.get(i);
            if (e.kind() == EventKind.RMI_CALL && e.status() != null) {
                rows.set(i, e.toBuilder().status("RMI_ERROR_INPUT").build());
            } else if (e.kind() == EventKind.PAS_CHANGE || e.kind() == EventKind.RTT_ENTRY) {
                rows.set(i, e.toBuilder().to("ROOT").build());
            } else if (!e.isInput()) {
                rows.set(i, e.toBuilder().pa(0x1000).build());     // a missing effect and an extra one
            }
        }
        return rows;
    }

    @Test
    void anUneditedTraceReplaysAsSequentially() {
        Outcome a = sequential(TRACE.rows(), ReplayOptions.all());
        Outcome b = inPlace(TRACE.rows(), ReplayOptions.all());
        assertEquals(List.of(), b.divergences());
        assertEquals(a, b);
        assertEquals((long) TRACE.rows().size(), b.totals().get(2));
    }

    @Test
    void editedRowsGiveTheSameDivergences() {
        for (int every : new int[] {97, 401}) {
            List<TraceEvent> rows = edited(every);
            Outcome a = sequential(rows, ReplayOptions.all());
            Outcome b = inPlace(rows, ReplayOptions.all());
            assertTrue(a.divergences().size() > 5, a.divergences().size() + " divergences");
            assertEquals(a, b, "every " + every);
        }
    }

    /** Other models: real differences, shifted seqs and times, a model that throws (use after free). */
    @Test
    void otherModelsGiveTheSameDivergences() {
        for (String m : List.of("1.0-eac5", "1.0-bug-no-scrub", "1.0-bug-destroy-keeps-mapping", "1.0-bug-fault-skips-ripas")) {
            ReplayOptions o = new ReplayOptions(m, -1, 0);
            assertEquals(sequential(TRACE.rows(), o), inPlace(TRACE.rows(), o), m);
        }
    }

    @Test
    void theDivergenceLimitAndUntilStopAfterTheSameRows() {
        List<TraceEvent> rows = edited(211);
        for (ReplayOptions o : List.of(new ReplayOptions(null, -1, 1), new ReplayOptions(null, -1, 7),
                new ReplayOptions(null, rows.size() / 3, 0), new ReplayOptions(null, 0, 0))) {
            Outcome a = sequential(rows, o);
            Outcome b = inPlace(rows, o);
            assertEquals(a, b, o.toString());
            assertTrue(b.read() < rows.size(), "stopped early: " + o);
        }
    }

    @Test
    void aBadRowIsReportedInsteadOfItsWindow() {
        for (int at : new int[] {1, 2, 500, 3001, TRACE.rows().size() - 2}) {
            List<TraceEvent> rows = edited(97);
            rows.set(at - 1, rows.get(at - 1).toBuilder().status("RMI_ERROR_REC").to("ROOT").build());   // the window differs
            rows.remove(at);                                                                       // and has a seq gap
            Outcome a = sequential(rows, ReplayOptions.all());
            Outcome b = inPlace(rows, ReplayOptions.all());
            assertTrue(b.error() != null && b.error().startsWith("BadInputException"), "row " + at + ": " + b.error());
            assertEquals(a, b, "row " + at + " removed");
        }
        assertThrows(BadInputException.class, () -> new Replayer(ReplayOptions.all())
                .run(new ListCursor(TRACE.metadata(), TRACE.rows().subList(1, 100)), d -> { }));
    }

    @Test
    void effectsBeforeTheFirstInputAreAWindowOfTheirOwn() {
        List<TraceEvent> all = TRACE.rows();
        int drop = 1;                              // up to the first input followed by an effect, renumbered
        while (all.get(drop).isInput()) drop++;
        List<TraceEvent> rows = new ArrayList<>();
        RowCopy c = new RowCopy();
        for (TraceEvent e : all.subList(drop, all.size())) {
            long cause = e.causeSeq() == TraceEvent.NULL ? TraceEvent.NULL : e.causeSeq() - drop;
            rows.add(c.copyOf(e).withOrder(e.seq() - drop, e.time(), cause).toEvent());
        }
        assertTrue(!rows.get(0).isInput(), "the trace starts with an effect");
        ReplayOptions o = new ReplayOptions(null, -1, 20);
        Outcome a = sequential(rows, o);
        Outcome b = inPlace(rows, o);
        assertTrue(!b.divergences().isEmpty() && b.divergences().get(0).seq() == 0, b.divergences().toString());
        assertEquals(a, b);
    }

    /** Rows rebuilt from replayed ones (before the first difference of a window) are the recorded rows exactly. */
    @Test
    void divergenceReportsHoldTheRecordedRows() {
        List<TraceEvent> edited = edited(401);
        int checked = holdRecordedRows(edited, inPlace(edited, ReplayOptions.all()).divergences());
        checked += holdRecordedRows(TRACE.rows(), inPlace(TRACE.rows(), new ReplayOptions("1.0-eac5", -1, 0)).divergences());
        assertTrue(checked > 10, checked + " divergences");
    }

    private static int holdRecordedRows(List<TraceEvent> rows, List<Divergence> divergences) {
        for (Divergence d : divergences) {
            if (d.input() != null) assertEquals(rows.get((int) d.input().seq()), d.input(), "input of " + d.seq());
            if (!d.field().startsWith("extra")) assertEquals(rows.get((int) d.at().seq()), d.at(), "row of " + d.seq());
            for (TraceEvent m : d.missing()) assertEquals(rows.get((int) m.seq()), m);
        }
        return divergences.size();
    }
}
