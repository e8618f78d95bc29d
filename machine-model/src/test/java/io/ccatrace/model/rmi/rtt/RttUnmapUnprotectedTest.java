package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.UNASSIGNED;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rmi.Stage2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_RTT_UNMAP_UNPROTECTED (reference 4.18): failure conditions in order with x1 (0 on
 * ERROR_INPUT, the non-live top of 11.6 on ERROR_RTT), then success. The top scan treats
 * ASSIGNED_NS as live (docs/model-decisions.md, the 11.6 UNCERTAIN point).
 */
class RttUnmapUnprotectedTest {
    static final long OA = 0x8040_0000L;

    final Stage2 s = new Stage2();
    final long base = s.unprotected() + 6 * L2;
    final long ipa = base + 4 * L3;

    RttUnmapUnprotectedTest() {
        s.pageTables(base);
        s.map(ipa, 3, OA | 0xC0);
    }

    long[] call(long rd, long at, long level) {
        return s.rmi("RMI_RTT_UNMAP_UNPROTECTED", rd, at, level);
    }

    @Test
    void levelBound() {
        long[] r = call(s.rd, ipa, 0);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[1]);
    }

    @Test
    void rdStateNotRd() {
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), ipa, 3));
    }

    @Test
    void ipaNotAligned() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 2));
    }

    @Test
    void ipaOutsideIpaSpace() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 1L << 40, 3));
    }

    @Test
    void ipaProtected() {
        long[] r = call(s.rd, 4 * L3, 3);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[1]);
    }

    @Test
    void rttWalkStopsAtLevel1TopIsEndOfTable() {
        long[] r = call(s.rd, s.unprotected() + 3 * L1, 3);
        assertResult(ERROR_RTT, 1, r);
        assertEquals(s.unprotected() + 512 * L1, r[1]);
    }

    @Test
    void entryNotAssignedNsTopStopsAtMapping() {
        long[] r = call(s.rd, base + L3, 3);
        assertResult(ERROR_RTT, 3, r);
        assertEquals(ipa, r[1], "the ASSIGNED_NS entry at page 4 ends the non-live run");
    }

    @Test
    void successUnmapsAndReportsNextMapping() {
        s.map(base + 10 * L3, 3, (OA + L3) | 0xC0);
        int mark = s.mark();
        long[] r = call(s.rd, ipa, 3);
        assertResult(SUCCESS, 0, r);
        assertEquals(base + 10 * L3, r[1]);
        assertArrayEquals(new long[] {3, UNASSIGNED, 0, EMPTY}, s.read(ipa, 3));
        List<ModelEvent.RttEntry> ev = s.entryEvents(mark);
        assertEquals(1, ev.size());
        assertEquals("ASSIGNED_NS", ev.get(0).fromState());
        assertEquals("UNASSIGNED_NS", ev.get(0).toState());
    }

    @Test
    void successLastMappingTopIsEndOfTable() {
        long[] r = call(s.rd, ipa, 3);
        assertResult(SUCCESS, 0, r);
        assertEquals(base + L2, r[1]);
    }
}
