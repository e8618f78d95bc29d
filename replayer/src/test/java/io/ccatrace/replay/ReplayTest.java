package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
    static List<Divergence> replay(RandomHost h, List<TraceEvent> rows, ReplayOptions o,
                                   ReplayResult[] result) throws IOException {
        List<Divergence> out = new ArrayList<>();
        ReplayResult r = new Replayer(o).run(new ListTrace(h.metadata(), rows), out::add);
        if (result != null) result[0] = r;
        return out;
    }

    @Test
    void seededRunsReplayWithoutDivergence() throws IOException {
        for (long seed = 1; seed <= 8; seed++) {
            RandomHost h = new RandomHost("1.0", seed).run(3000);
            ReplayResult[] r = new ReplayResult[1];
            List<Divergence> d = replay(h, h.rows, ReplayOptions.all(), r);
            assertTrue(d.isEmpty(), "seed " + seed + ": " + d);
            assertEquals(h.rows.size(), r[0].rows());
            assertEquals(3000, r[0].inputs());
            assertFalse(r[0].diverged());
        }
    }

    @Test
    void oneEditedStatusIsExactlyOneDivergenceAtThatSeq() throws IOException {
        RandomHost h = new RandomHost("1.0", 42).run(2000);
        List<TraceEvent> rows = new ArrayList<>(h.rows);
        int idx = indexOfSuccess(rows, "RMI_GRANULE_DELEGATE", 50);
        TraceEvent orig = rows.get(idx);
        rows.set(idx, orig.toBuilder().status("RMI_ERROR_INPUT").build());
        List<Divergence> d = replay(h, rows, ReplayOptions.all(), null);
        assertEquals(1, d.size(), d.toString());
        assertEquals(orig.seq(), d.get(0).seq());
        assertEquals("status", d.get(0).field());
        assertEquals("RMI_ERROR_INPUT", d.get(0).expected());
        assertEquals("RMI_SUCCESS", d.get(0).actual());
        assertEquals("RMI_GRANULE_DELEGATE", d.get(0).command());
    }

    @Test
    void editedEffectFieldIsNamedWithItsKind() throws IOException {
        RandomHost h = new RandomHost("1.0", 7).run(500);
        List<TraceEvent> rows = new ArrayList<>(h.rows);
        int idx = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() == EventKind.PAS_CHANGE) {
                idx = i;
                break;
            }
        }
        TraceEvent orig = rows.get(idx);
        rows.set(idx, orig.toBuilder().to("SECURE").build());
        List<Divergence> d = replay(h, rows, ReplayOptions.all(), null);
        assertEquals(1, d.size());
        assertEquals(orig.causeSeq(), d.get(0).seq());
        assertEquals("PAS_CHANGE.to", d.get(0).field());
        assertEquals("SECURE", d.get(0).expected());
        assertEquals("REALM", d.get(0).actual());
    }

    @Test
    void anEffectTheReplayDoesNotProduceIsMissing() throws IOException {
        RandomHost h = new RandomHost("1.0", 9).run(500);
        List<TraceEvent> rows = new ArrayList<>(h.rows);
        int idx = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() == EventKind.GRANULE_STATE) {
                idx = i;
                break;
            }
        }
        TraceEvent orig = rows.get(idx);
        // same seq, but about another granule: the real one is extra, this one missing
        rows.set(idx, orig.toBuilder().pa(orig.pa() + 0x1000_0000L).build());
        List<Divergence> d = replay(h, rows, ReplayOptions.all(), null);
        assertEquals(1, d.size());
        assertEquals(1, d.get(0).missing().size());
        assertEquals(1, d.get(0).extra().size());
    }

    @Test
    void untilStopsAfterTheWindowHoldingThatSeq() throws IOException {
        RandomHost h = new RandomHost("1.0", 3).run(300);
        ReplayResult[] r = new ReplayResult[1];
        long until = h.rows.get(h.rows.size() / 2).seq();
        replay(h, h.rows, new ReplayOptions(null, until, 0), r);
        assertTrue(r[0].lastSeq() >= until);
        assertTrue(r[0].inputs() < 300);
    }

    @Test
    void maxDivergencesStopsTheReplay() throws IOException {
        RandomHost h = new RandomHost("1.0", 5).run(400);
        List<TraceEvent> rows = new ArrayList<>();
        for (TraceEvent e : h.rows) {
            rows.add(e.kind() == EventKind.RMI_CALL ? e.toBuilder().status("BOGUS").build() : e);
        }
        ReplayResult[] r = new ReplayResult[1];
        List<Divergence> d = replay(h, rows, new ReplayOptions(null, -1, 3), r);
        assertEquals(3, d.size());
        assertTrue(r[0].stoppedAtLimit());
    }

    static int indexOfSuccess(List<TraceEvent> rows, String cmd, int from) {
        for (int i = from; i < rows.size(); i++) {
            TraceEvent e = rows.get(i);
            if (cmd.equals(e.cmd()) && "RMI_SUCCESS".equals(e.status())) return i;
        }
        throw new AssertionError("no successful " + cmd);
    }
}
