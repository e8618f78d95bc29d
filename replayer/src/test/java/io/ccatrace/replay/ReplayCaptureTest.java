package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.chain.ContentHash;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The replay's capture hashes each replayed event without making its row: its hashes are
 * those of the rows the recorder writes for the same events (a recorded row hashed by the
 * reader matches exactly when it is that row), and the rows it fills when asked are the
 * recorder's rows.
 */
class ReplayCaptureTest {

    /** The machine's events, in the order it publishes them (each input, then its effects). */
    private static List<ModelEvent> events(Scenario s) {
        ScenarioRun run = new ScenarioRun(ScenarioOptions.of(s).withSeed(3).withEvents(4_000));
        List<ModelEvent> events = new ArrayList<>();
        run.machine().addListener(events::add);
        run.run(Progress.NONE);
        return events;
    }

    /** The recorder's row's content hash (two words, 0, 0 when it cannot be hashed). */
    private static long[] rowHash(ModelEvent e) {
        ContentHash h = new ContentHash();
        return h.hash(EventRows.toRow(e)) ? new long[] {h.first(), h.second()} : new long[2];
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"MULTI_REALM", "HOST_FUZZ", "IO_STORM"})
    void hashesAndRowsAreTheRecordersRows(Scenario s) {
        List<ModelEvent> events = events(s);
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        ReplayCapture capture = new ReplayCapture();
        int from = 0;
        while (from < events.size()) {
            int to = from + 1;                     // one input and the effects up to the next input
            while (to < events.size() && !EventRows.isInput(events.get(to))) to++;
            List<ModelEvent> window = events.subList(from, to);
            capture.clear();
            window.forEach(capture::onEvent);
            checkWindow(capture, window, kinds);
            from = to;
        }
        assertTrue(kinds.size() >= 10, "kinds seen: " + kinds);
    }

    private static void checkWindow(ReplayCapture capture, List<ModelEvent> window, Set<EventKind> kinds) {
        boolean hasInput = EventRows.isInput(window.get(0));
        int first = hasInput ? 1 : 0;
        long[] recorded = new long[2 * window.size()];
        for (int i = 0; i < window.size(); i++) {
            System.arraycopy(rowHash(window.get(i)), 0, recorded, 2 * i, 2);
            kinds.add(EventRows.toRow(window.get(i)).kind());
        }
        assertEquals(hasInput, capture.hasInput());
        assertEquals(window.size() - first, capture.effectCount());
        if (hasInput) {
            assertTrue(capture.inputMatches(recorded, 0), "input " + window.get(0));
            assertEquals(EventRows.toRow(window.get(0)), capture.input().toEvent());
        }
        for (int i = 0; i < capture.effectCount(); i++) {
            ModelEvent e = window.get(first + i);
            assertTrue(capture.effectMatches(i, recorded, first + i), "effect " + e);
            if (first + i + 1 < window.size()) {
                // another row's hash: equal only for rows with the same content
                boolean same = content(e).equals(content(window.get(first + i + 1)));
                assertEquals(same, capture.effectMatches(i, recorded, first + i + 1), "effect " + e);
            }
        }
        for (int i = capture.effectCount() - 1; i >= 0; i--) {  // filled on demand, in any order
            assertEquals(EventRows.toRow(window.get(first + i)), capture.effect(i).toEvent());
        }
        List<TraceEvent> rows = new ArrayList<>();
        capture.effects().forEach(r -> rows.add(r.toEvent()));
        assertEquals(window.subList(first, window.size()).stream().map(EventRows::toRow).toList(), rows);
    }

    /** e's row without its position (seq, time, cause_seq). */
    private static TraceEvent content(ModelEvent e) {
        return new RowCopy().copyOf(EventRows.toRow(e)).withOrder(0, 0, 0).toEvent();
    }

    @Test
    void aRowTooLongToHashNeverMatches() {
        ReplayCapture capture = new ReplayCapture();
        capture.clear();
        capture.onEvent(new ModelEvent.NsWrite(0, 0, 0, 0x1000, new byte[4097]));
        assertTrue(capture.hasInput());
        assertFalse(capture.inputMatches(new long[2], 0), "no hash on either side");
        assertEquals(4097, capture.input().payload().length);
    }

    @Test
    void clearForgetsTheInput() {
        ReplayCapture capture = new ReplayCapture();
        capture.onEvent(new ModelEvent.NsWrite(0, 0, 0, 0x1000, new byte[8]));
        capture.clear();
        assertFalse(capture.hasInput());
        assertNull(capture.input());
        assertEquals(0, capture.effectCount());
        assertTrue(capture.effects().isEmpty());
    }
}
