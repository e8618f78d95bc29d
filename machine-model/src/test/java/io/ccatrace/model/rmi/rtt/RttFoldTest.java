package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ASSIGNED;
import static io.ccatrace.model.rmi.Stage2.DESTROYED;
import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.RAM;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.UNASSIGNED;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Stage2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_RTT_FOLD (reference 4.16): failure conditions in order, then the fold table of 11.5
 * (UNASSIGNED per RIPAS, UNASSIGNED_NS, ASSIGNED and ASSIGNED_NS blocks at levels 2 and 1).
 */
class RttFoldTest {
    static final long NS_ATTRS = 0xC0 | 0x14;   // S2AP RW, MemAttr 0b101

    final Stage2 s = new Stage2();

    long[] call(long rd, long ipa, long level) {
        return s.rmi("RMI_RTT_FOLD", rd, ipa, level);
    }

    @Test
    void rdStateNotRd() {
        s.pageTables(0);
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), 0, 3));
    }

    @Test
    void levelBoundBeatsRttWalk() {
        // ACS: level_bound is reported even where the walk would also fail
        assertResult(ERROR_INPUT, 0, call(s.rd, 9 * L1, 1));
        assertResult(ERROR_INPUT, 0, call(s.rd, 9 * L1, 4));
    }

    @Test
    void ipaNotAligned() {
        s.pageTables(0);
        assertResult(ERROR_INPUT, 0, call(s.rd, L3, 3));
    }

    @Test
    void ipaOutsideIpaSpace() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 1L << 40, 2));
    }

    @Test
    void rttWalkStopsAboveParentLevel() {
        assertResult(ERROR_RTT, 1, call(s.rd, 5 * L2, 3));
    }

    @Test
    void parentNotTable() {
        s.rtt(0, 2);
        assertResult(ERROR_RTT, 2, call(s.rd, 5 * L2, 3));
    }

    @Test
    void notHomogeneousMixedRipas() {
        s.pageTables(0);
        s.initRipas(7 * L3, 8 * L3);
        assertResult(ERROR_RTT, 3, call(s.rd, 0, 3));
    }

    @Test
    void notHomogeneousMixedAssignedAndUnassigned() {
        s.pageTables(0);
        s.data(0);
        assertResult(ERROR_RTT, 3, call(s.rd, 0, 3));
    }

    @Test
    void notHomogeneousChildHoldsTable() {
        s.pageTables(0);
        assertResult(ERROR_RTT, 2, call(s.rd, 0, 2));
    }

    @Test
    void notHomogeneousAssignedFirstPaNotBlockAligned() {
        s.pageTables(0);
        long first = Stage2.BLOCK_POOL + (64L << 20) + L3;
        for (int i = 0; i < 512; i++) {
            s.realms.delegate(first + i * L3);
            Stage2.ok(s.rmi("RMI_DATA_CREATE_UNKNOWN", s.rd, first + i * L3, i * L3), "data");
        }
        assertResult(ERROR_RTT, 3, call(s.rd, 0, 3));
    }

    @Test
    void notHomogeneousAssignedNsDifferentAttributes() {
        long ipa = s.unprotected();
        s.pageTables(ipa);
        for (int i = 0; i < 512; i++) {
            s.map(ipa + i * L3, 3, (0x4000_0000L + i * L3) | (i == 100 ? 0x40 : 0xC0));
        }
        assertResult(ERROR_RTT, 3, call(s.rd, ipa, 3));
    }

    @Test
    void blockLevelNoAssignedBlockAtLevel0() {
        // starting level 0: fold a level-1 table of 512 contiguous ASSIGNED_NS 1 GiB blocks;
        // the result would be a level-0 block (4.16 row 7, TF-RMM index = level - 1)
        Stage2 z = new Stage2(new Fixture(), 40, 0);
        long ipa = z.unprotected();
        z.rtt(ipa, 1);
        for (int i = 0; i < 512; i++) z.map(ipa + i * L1, 1, (i * L1) | NS_ATTRS);
        assertResult(ERROR_RTT, 0, z.rmi("RMI_RTT_FOLD", z.rd, ipa, 1));
    }

    @Test
    void successUnassignedEmpty() {
        s.rtt(0, 2);
        long child = s.rtt(2 * L2, 3);
        int mark = s.mark();
        long[] r = call(s.rd, 2 * L2, 3);
        assertResult(SUCCESS, 0, r);
        assertEquals(child, r[1]);
        assertEquals(GranuleState.DELEGATED, s.f.machine.rmm().granules().stateOf(child));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, EMPTY}, s.read(2 * L2, 3));
        List<ModelEvent.RttEntry> ev = s.entryEvents(mark);
        assertEquals(1, ev.size());
        assertEquals("TABLE", ev.get(0).fromState());
        assertEquals("UNASSIGNED", ev.get(0).toState());
        assertEquals("EMPTY", ev.get(0).toRipas());
        assertEquals(2, ev.get(0).level());
    }

    @Test
    void successUnassignedRam() {
        s.pageTables(0);
        s.initRipas(0, L2);
        assertResult(SUCCESS, 0, call(s.rd, 0, 3));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, RAM}, s.read(0, 3));
    }

    @Test
    void successUnassignedDestroyed() {
        s.pageTables(0);
        Stage2.ok(s.rmi("RMI_RTT_DESTROY", s.rd, 0, 3), "destroy");   // L2 entry -> DESTROYED
        s.rtt(0, 3);                                                   // 512 DESTROYED pages
        assertResult(SUCCESS, 0, call(s.rd, 0, 3));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, DESTROYED}, s.read(0, 3));
    }

    @Test
    void successUnassignedNs() {
        long ipa = s.unprotected() + L1;
        s.pageTables(ipa);
        assertResult(SUCCESS, 0, call(s.rd, ipa, 3));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, EMPTY}, s.read(ipa, 3));
        ModelEvent.RttEntry last = s.entryEvents(0).get(s.entryEvents(0).size() - 1);
        assertEquals("UNASSIGNED_NS", last.toState());
    }

    @Test
    void successAssignedRamPagesBecomeLevel2Block() {
        s.pageTables(4 * L2);
        s.initRipas(4 * L2, 5 * L2);
        long first = s.dataBlock(4 * L2);
        int mark = s.mark();
        assertResult(SUCCESS, 0, call(s.rd, 4 * L2, 3));
        assertArrayEquals(new long[] {2, ASSIGNED, first, RAM}, s.read(4 * L2, 3));
        ModelEvent.RttEntry e = s.entryEvents(mark).get(0);
        assertEquals("ASSIGNED", e.toState());
        assertEquals(first, e.pa());
        // the block is still live: its parent table cannot be destroyed
        assertResult(ERROR_RTT, 2, s.rmi("RMI_RTT_DESTROY", s.rd, 0, 2));
    }

    @Test
    void successAssignedNsLevel2TableBecomesLevel1Block() {
        long ipa = s.unprotected() + 6 * L1;
        s.rtt(ipa, 2);
        long oa = 3 * L1;
        for (int i = 0; i < 512; i++) s.map(ipa + i * L2, 2, (oa + i * L2) | NS_ATTRS);
        assertResult(SUCCESS, 0, call(s.rd, ipa, 2));
        assertArrayEquals(new long[] {1, ASSIGNED, oa | NS_ATTRS, 0}, s.read(ipa, 2));
    }
}
