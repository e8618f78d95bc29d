package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay compares by keyed content hash first and exactly only when the hashes differ
 * (docs/replay.md, "Comparing by keyed hash"): a recorded row differing from the replayed
 * one in any single column, for a row of each kind, gives the divergences, totals and
 * errors of the exact comparison (the sequential replay, which has no hashes); so does a
 * file replayed through {@link Replayer#openCursor}, whose reader thread hashes the rows.
 * And the hashes are what decides: a cursor whose hashes claim an edited row is unedited
 * (what a collision would do) hides that edit, which is why the key is secret.
 */
class HashedReplayTest {
    private static final ScenarioTraces TRACE = ScenarioTraces.record(Scenario.MULTI_REALM, 4, 3_000);
    private static final Set<Column> NOT_COMPARED = EnumSet.of(Column.SEQ, Column.TIME, Column.CAUSE_SEQ,
            Column.INPUT, Column.CHAIN);

    @TempDir
    Path dir;

    private record Outcome(List<Divergence> divergences, List<Object> totals, String error) {
    }

    private static Outcome replay(TraceCursor c, boolean inPlace) {
        List<Divergence> d = new ArrayList<>();
        try (c) {
            Replayer r = new Replayer(ReplayOptions.all());
            TraceMetadata m = TRACE.metadata();
            ReplayResult res = inPlace ? r.run(c, d::add) : r.run(m, new WindowReader(WindowReader.cursorOf(c)), d::add);
            return new Outcome(d, List.of(res.rows(), res.inputs(), String.valueOf(res.stoppedEarly()),
                    res.summary().total(), res.summary().byCommand()), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(d, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The exact comparison: the sequential replay over a cursor without hashes. */
    private static Outcome exact(List<TraceEvent> rows) {
        return replay(new ListCursor(TRACE.metadata(), rows), false);
    }

    private static Outcome hashed(List<TraceEvent> rows) {
        return replay(ListCursor.hashed(TRACE.metadata(), rows, rows), true);
    }

    /** The first row of each kind in the trace (after the first 100 rows, so that the machine is up). */
    private static Map<EventKind, Integer> oneRowPerKind() {
        Map<EventKind, Integer> at = new LinkedHashMap<>();
        List<TraceEvent> rows = TRACE.rows();
        for (int i = 100; i < rows.size(); i++) at.putIfAbsent(rows.get(i).kind(), i);
        return at;
    }

    @Test
    void aRowDifferingInAnySingleColumnGivesTheExactComparisonsDivergences() {
        Map<EventKind, Integer> at = oneRowPerKind();
        assertTrue(at.size() >= 12, "kinds in the trace: " + at.keySet());
        int diverged = 0;
        int edits = 0;
        for (Map.Entry<EventKind, Integer> k : at.entrySet()) {
            for (Column c : Column.values()) {
                if (NOT_COMPARED.contains(c)) continue;
                List<TraceEvent> rows = new ArrayList<>(TRACE.rows());
                int i = k.getValue();
                rows.set(i, edit(rows.get(i), c));
                Outcome exact = exact(rows);
                assertEquals(exact, hashed(rows), c + " of " + k.getKey() + " at seq " + i);
                edits++;
                if (!exact.divergences().isEmpty() || exact.error() != null) diverged++;
            }
        }
        assertEquals(at.size() * 29, edits);
        assertTrue(diverged > edits * 3 / 4, diverged + " of " + edits + " edits diverged");
    }

    /** Parquet with its storage digest, Arrow with the event chain recomputed (both hand other columns over sparsely). */
    @ParameterizedTest
    @ValueSource(strings = {"edited.parquet", "edited.arrows"})
    void anEditedFileReplaysAsTheExactComparison(String name) throws IOException {
        List<TraceEvent> rows = new ArrayList<>(TRACE.rows());
        for (Map.Entry<EventKind, Integer> k : oneRowPerKind().entrySet()) {
            if (!k.getKey().isInput()) rows.set(k.getValue(), edit(rows.get(k.getValue()), Column.FROM));
        }
        Path p = new ScenarioTraces(TRACE.metadata(), rows).writeTo(dir.resolve(name), TraceMetadata.empty());
        Outcome a = exact(rows);
        Outcome b = replay(Replayer.openCursor(p, w -> { }), true);
        assertEquals(a, b);
        assertTrue(a.divergences().size() >= 5, "divergences: " + a.divergences().size());
    }

    @Test
    void theHashesDecide() {
        List<TraceEvent> rows = new ArrayList<>(TRACE.rows());
        int i = oneRowPerKind().get(EventKind.GRANULE_STATE);
        rows.set(i, rows.get(i).toBuilder().to("EDITED").build());
        Outcome exact = exact(rows);
        assertEquals(1, exact.divergences().size());
        assertEquals(exact, hashed(rows));
        Outcome forged = replay(ListCursor.hashed(TRACE.metadata(), rows, TRACE.rows()), true);
        assertEquals(List.of(), forged.divergences(), "the forged hash says the edited row is the replayed one");
    }

    /** Row e with column c changed (a null to a value, a value to another). */
    private static TraceEvent edit(TraceEvent e, Column c) {
        TraceEvent.Builder b = e.toBuilder();
        switch (c.type()) {
            case LONG:
            case INT:
                long v = c.getLong(e);
                c.setLong(b, v == TraceEvent.NULL ? 3 : v + 1);
                return b.build();
            case NAME:
                String n = c.getName(e);
                c.setName(b, n == null ? "EDITED" : n + "_EDITED");
                return b.build();
            case LONGS:
                long[] l = c.getLongs(e);
                c.setLongs(b, l == null ? new long[] {3} : java.util.Arrays.copyOf(l, l.length + 1));
                return b.build();
            case KIND:
                return otherKind(e);
            default:
                byte[] p = e.payload();
                return b.payload(p == null ? new byte[] {3} : java.util.Arrays.copyOf(p, p.length + 1)).build();
        }
    }

    /** The row as another effect kind (an input as an effect, an effect as another effect). */
    private static TraceEvent otherKind(TraceEvent e) {
        EventKind k = e.kind() == EventKind.REC_STATE ? EventKind.REALM_STATE : EventKind.REC_STATE;
        TraceEvent.Builder b = TraceEvent.builder(e.seq(), k).payload(e.payload());
        for (Column c : Column.values()) {
            if (c == Column.SEQ || c == Column.KIND) continue;
            if (c.type() == Column.Type.LONG || c.type() == Column.Type.INT) c.setLong(b, c.getLong(e));
            if (c.type() == Column.Type.NAME) c.setName(b, c.getName(e));
            if (c.type() == Column.Type.LONGS) c.setLongs(b, c.getLongs(e));
        }
        return b.build();
    }
}
