package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.DESTROYED;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Stage2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_RTT_DESTROY (reference 4.15): failure conditions in order with their x2 (0 on
 * ERROR_INPUT, top on walk/state errors, ipa on rtt_live), then success effects.
 */
class RttDestroyTest {
    final Stage2 s = new Stage2();

    long[] call(long rd, long ipa, long level) {
        return s.rmi("RMI_RTT_DESTROY", rd, ipa, level);
    }

    @Test
    void rdStateNotRd() {
        long[] r = call(s.realms.delegated(), 0, 2);
        assertResult(ERROR_INPUT, 0, r);
        assertArrayEquals(new long[] {0, 0}, new long[] {r[1], r[2]});
    }

    @Test
    void levelAtStartingLevel() {
        long[] r = call(s.rd, 0, 1);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[2]);
    }

    @Test
    void levelAboveThree() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 0, 4));
    }

    @Test
    void ipaNotAligned() {
        s.rtt(0, 2);
        long[] r = call(s.rd, L2, 2);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[2]);
    }

    @Test
    void ipaOutsideIpaSpace() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 1L << 40, 2));
    }

    @Test
    void rttWalkStopsAboveParentLevel() {
        // level-3 table at 6 MiB: the walk to level 2 stops at level-1 entry 0 (no table);
        // level-1 entry 4 is TABLE, so top = 4 GiB
        s.rtt(4 * L1, 2);
        long[] r = call(s.rd, 3 * L2, 3);
        assertResult(ERROR_RTT, 1, r);
        assertEquals(0, r[1]);
        assertEquals(4 * L1, r[2]);
    }

    @Test
    void parentNotTable() {
        s.rtt(0, 2);
        long[] r = call(s.rd, 3 * L2, 3);
        assertResult(ERROR_RTT, 2, r);
        assertEquals(L1, r[2], "nothing live in the level-2 table after entry 3");
    }

    @Test
    void rttLiveWithAssignedEntry() {
        s.pageTables(0);
        s.data(5 * L3);
        long[] r = call(s.rd, 0, 3);
        assertResult(ERROR_RTT, 3, r);
        assertEquals(0, r[1]);
        assertEquals(0, r[2], "x2 = ipa on rtt_live");
    }

    @Test
    void rttLiveWithTableEntry() {
        s.pageTables(2 * L1 + 4 * L2);
        long[] r = call(s.rd, 2 * L1, 2);
        assertResult(ERROR_RTT, 2, r);
        assertEquals(2 * L1, r[2]);
    }

    @Test
    void successProtectedMakesDestroyedEvenOverRam() {
        long rtt = s.rtt(0, 2);
        s.initRipas(0, L2);
        s.rtt(7 * L1, 2);
        int mark = s.mark();
        long[] r = call(s.rd, 0, 2);
        assertResult(SUCCESS, 0, r);
        assertEquals(rtt, r[1]);
        assertEquals(7 * L1, r[2], "top: next live level-1 entry");
        assertArrayEquals(new long[] {1, UNASSIGNED, 0, DESTROYED}, s.read(0, 1));
        assertEquals(GranuleState.DELEGATED, s.f.machine.rmm().granules().stateOf(rtt));
        List<ModelEvent.RttEntry> ev = s.entryEvents(mark);
        assertEquals(1, ev.size());
        assertEquals("TABLE", ev.get(0).fromState());
        assertEquals("UNASSIGNED", ev.get(0).toState());
        assertEquals("DESTROYED", ev.get(0).toRipas());
    }

    @Test
    void successUnprotectedWithMappingsInside() {
        // 4.15: ASSIGNED_NS entries do not make an RTT live
        long ipa = s.unprotected() + 2 * L1;
        long rtt = s.rtt(ipa, 2);
        s.map(ipa + 3 * L2, 2, 0x8000_0000L | 0xC0);
        long[] r = call(s.rd, ipa, 2);
        assertResult(SUCCESS, 0, r);
        assertEquals(rtt, r[1]);
        assertEquals(s.unprotected() + 512 * L1, r[2], "end of the second starting table");
        assertArrayEquals(new long[] {1, UNASSIGNED, 0, EMPTY}, s.read(ipa, 1));
        ModelEvent.RttEntry last = s.entryEvents(0).get(s.entryEvents(0).size() - 1);
        assertEquals("UNASSIGNED_NS", last.toState());
        assertTrue(s.f.machine.memory().isZero(rtt));
    }

    @Test
    void successLevel3AfterDataDestroyed() {
        s.pageTables(0);
        s.data(0);
        Stage2.ok(s.rmi("RMI_DATA_DESTROY", s.rd, 0), "RMI_DATA_DESTROY");
        s.activate();
        assertResult(SUCCESS, 0, call(s.rd, 0, 3));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, DESTROYED}, s.read(0, 3));
    }
}
