package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.replay.diff.TraceDiff;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A trace whose recording did not finish (killed, cut short) may end inside an input's
 * effects: the effects after the cut were never written. Replay does not judge the
 * replayed effects after the last recorded one of that window (before, they were reported
 * as "extra" effects: a divergence and exit 1 for every such trace, e.g. a boot trace cut
 * after seq 519, inside RTT_SET_RIPAS's 64 RTT_ENTRY effects); what was recorded is still
 * compared. Every replay path agrees: in place on a cursor, sequential from a row reader,
 * read ahead for diff --against.
 */
class UnfinishedReplayTest {
    private static final RandomHost HOST = new RandomHost("1.0", 11).run(1500);

    /** The index of an input whose window has at least 2 effects, the first with a "to" column. */
    private static int inputWithEffects(List<TraceEvent> rows) {
        for (int i = 0; i + 2 < rows.size(); i++) {
            if (rows.get(i).isInput() && !rows.get(i + 1).isInput() && !rows.get(i + 2).isInput()
                    && rows.get(i + 1).to() != null) {
                return i;
            }
        }
        throw new AssertionError("no window with 2 effects");
    }

    private static int windowEnd(List<TraceEvent> rows, int input) {
        int j = input + 1;
        while (j < rows.size() && !rows.get(j).isInput()) j++;
        return j;
    }

    private record Run(List<Divergence> divergences, ReplayResult result) {
    }

    private static List<Run> replayAllWays(List<TraceEvent> rows, boolean complete) throws IOException {
        List<Run> runs = new ArrayList<>();
        ListCursor inPlace = new ListCursor(HOST.metadata(), rows);
        ListTrace sequential = new ListTrace(HOST.metadata(), rows);
        ListCursor readAhead = new ListCursor(HOST.metadata(), rows);
        if (!complete) {
            inPlace.unfinished();
            sequential.unfinished();
            readAhead.unfinished();
        }
        List<Divergence> a = new ArrayList<>();
        runs.add(new Run(a, new Replayer(ReplayOptions.all()).run(inPlace, a::add)));
        List<Divergence> b = new ArrayList<>();
        runs.add(new Run(b, new Replayer(ReplayOptions.all()).run(sequential, b::add)));
        List<Divergence> c = new ArrayList<>();
        runs.add(new Run(c, new Replayer(ReplayOptions.all()).alsoTo(e -> { }).run(readAhead, c::add)));
        return runs;
    }

    @Test
    void effectsAfterTheCutAreNotJudged() throws IOException {
        int in = inputWithEffects(HOST.rows);
        int end = windowEnd(HOST.rows, in);
        List<TraceEvent> cut = HOST.rows.subList(0, in + 2);   // the input and its first effect
        for (Run r : replayAllWays(cut, false)) {
            assertTrue(r.divergences().isEmpty(), r.divergences().toString());
            assertEquals(end - in - 2, r.result().unjudged());
            assertEquals(HOST.rows.get(in).seq(), r.result().cutSeq());
            assertTrue(r.result().unjudgedNote().contains("ends in the window of the input at seq " + HOST.rows.get(in).seq()),
                    r.result().unjudgedNote());
        }
        List<TraceEvent> justTheInput = HOST.rows.subList(0, in + 1);
        for (Run r : replayAllWays(justTheInput, false)) {
            assertTrue(r.divergences().isEmpty(), r.divergences().toString());
            assertEquals(end - in - 1, r.result().unjudged());
        }
    }

    @Test
    void diffComparesTheWindowAnUnfinishedTraceEndsInAsFarAsItWasRecorded() throws IOException {
        int in = inputWithEffects(HOST.rows);
        List<TraceEvent> whole = HOST.rows.subList(0, windowEnd(HOST.rows, in));
        List<TraceEvent> cut = HOST.rows.subList(0, in + 2);
        List<Divergence> out = new ArrayList<>();
        TraceDiff.Result ab = TraceDiff.diff(new ListTrace(HOST.metadata(), whole),
                new ListTrace(HOST.metadata(), cut).unfinished(), out::add);
        TraceDiff.Result ba = TraceDiff.diff(new ListTrace(HOST.metadata(), cut).unfinished(),
                new ListTrace(HOST.metadata(), whole), out::add);
        assertTrue(out.isEmpty(), out.toString());
        assertFalse(ab.differs());
        assertFalse(ba.differs());
        TraceDiff.diff(new ListTrace(HOST.metadata(), whole), new ListTrace(HOST.metadata(), cut), out::add);
        assertEquals(1, out.size(), "a finished trace that lacks effects still differs");
    }

    @Test
    void whatWasRecordedIsStillCompared() throws IOException {
        int in = inputWithEffects(HOST.rows);
        List<TraceEvent> cut = new ArrayList<>(HOST.rows.subList(0, in + 2));
        TraceEvent first = cut.get(in + 1);
        cut.set(in + 1, first.toBuilder().to("EDITED").build());
        for (Run r : replayAllWays(cut, false)) {
            assertEquals(1, r.divergences().size(), r.divergences().toString());
            Divergence d = r.divergences().get(0);
            assertEquals(HOST.rows.get(in).seq(), d.seq());
            assertEquals(first.kind() + ".to", d.field());
            assertEquals("EDITED", d.expected());
            assertTrue(d.extra().isEmpty(), d.toString());
            assertEquals(windowEnd(HOST.rows, in) - in - 2, r.result().unjudged());
        }
    }

    @Test
    void aFinishedTraceThatLacksEffectsStillDiverges() throws IOException {
        int in = inputWithEffects(HOST.rows);
        List<TraceEvent> cut = HOST.rows.subList(0, in + 2);
        for (Run r : replayAllWays(cut, true)) {
            assertEquals(1, r.divergences().size(), r.divergences().toString());
            assertTrue(r.divergences().get(0).field().startsWith("extra "), r.divergences().get(0).field());
            assertEquals(0, r.result().unjudged());
        }
    }

    @Test
    void anUnfinishedTraceThatEndsBetweenWindowsJudgesEveryEffect() throws IOException {
        int in = inputWithEffects(HOST.rows);
        List<TraceEvent> cut = HOST.rows.subList(0, windowEnd(HOST.rows, in));
        for (Run r : replayAllWays(cut, false)) {
            assertTrue(r.divergences().isEmpty(), r.divergences().toString());
            assertEquals(0, r.result().unjudged());
            assertEquals(null, r.result().unjudgedNote());
        }
    }
}
