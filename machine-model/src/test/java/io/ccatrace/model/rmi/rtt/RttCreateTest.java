package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ASSIGNED;
import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.RAM;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.TABLE;
import static io.ccatrace.model.rmi.Stage2.UNASSIGNED;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Stage2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_RTT_CREATE (reference 4.14): failure conditions in order, then unfold (11.5) of each
 * kind of parent entry. Realm: IPA width 40, starting level 1.
 */
class RttCreateTest {
    final Stage2 s = new Stage2();
    final long rtt = s.realms.delegated();

    long[] call(long rd, long rttPa, long ipa, long level) {
        return s.rmi("RMI_RTT_CREATE", rd, rttPa, ipa, level);
    }

    @Test
    void rttAlign() {
        assertResult(ERROR_INPUT, 0, call(s.rd, rtt + 0x200, 0, 2));
    }

    @Test
    void rttBound() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 0x7000, 0, 2));
    }

    @Test
    void rttStateNotDelegated() {
        assertResult(ERROR_INPUT, 0, call(s.rd, s.realms.ns(), 0, 2));
    }

    @Test
    void rdStateNotRd() {
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), rtt, 0, 2));
    }

    @Test
    void levelAtStartingLevel() {
        assertResult(ERROR_INPUT, 0, call(s.rd, rtt, 0, 1));
    }

    @Test
    void levelAboveThree() {
        assertResult(ERROR_INPUT, 0, call(s.rd, rtt, 0, 4));
    }

    @Test
    void levelNegative() {
        assertResult(ERROR_INPUT, 0, call(s.rd, rtt, 0, -1));
    }

    @Test
    void ipaNotAlignedToParentEntry() {
        s.rtt(0, 2);
        // a level-3 table covers one 2 MiB level-2 entry: ipa must be 2 MiB aligned
        assertResult(ERROR_INPUT, 0, call(s.rd, rtt, L3, 3));
    }

    @Test
    void ipaOutsideIpaSpace() {
        assertResult(ERROR_INPUT, 0, call(s.rd, rtt, 1L << 40, 2));
    }

    @Test
    void rttAbovePaLimitWithoutLpa2() {
        Stage2 h = Stage2.withBankAt48Bits();
        assertResult(ERROR_INPUT, 0, h.rmi("RMI_RTT_CREATE", h.rd, Stage2.PA_48, 0, 2));
        // priority: row 5 also before row 6 (rtt_walk), here true too (no level-2 table)
        assertResult(ERROR_INPUT, 0, h.rmi("RMI_RTT_CREATE", h.rd, Stage2.PA_48, 0, 3));
    }

    @Test
    void rttWalkStopsAboveParentLevel() {
        assertResult(ERROR_RTT, 1, call(s.rd, rtt, 5 * L2, 3));
    }

    @Test
    void parentAlreadyTable() {
        s.rtt(0, 2);
        assertResult(ERROR_RTT, 1, call(s.rd, rtt, 0, 2));
    }

    @Test
    void parentLevel2AlreadyTable() {
        s.pageTables(0);
        assertResult(ERROR_RTT, 2, call(s.rd, rtt, 0, 3));
    }

    @Test
    void successUnfoldsUnassignedEmptyAndEmitsParentChange() {
        int mark = s.mark();
        assertResult(SUCCESS, 0, call(s.rd, rtt, 2 * L1, 2));
        assertEquals(GranuleState.RTT, s.f.machine.rmm().granules().stateOf(rtt));
        assertEquals(s.rd, s.f.machine.rmm().granules().get(rtt).owner());
        assertArrayEquals(new long[] {1, TABLE, rtt, 0}, s.read(2 * L1, 1));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, EMPTY}, s.read(2 * L1 + 511 * L2, 2));
        List<ModelEvent.RttEntry> ev = s.entryEvents(mark);
        assertEquals(1, ev.size(), "children are implied, only the parent changes");
        assertEquals("UNASSIGNED", ev.get(0).fromState());
        assertEquals("TABLE", ev.get(0).toState());
        assertEquals(rtt, ev.get(0).pa());
        assertEquals(1, ev.get(0).level());
    }

    @Test
    void successUnfoldsRamBlock() {
        s.initRipas(0, L1);                      // one level-1 entry becomes RAM
        assertResult(SUCCESS, 0, call(s.rd, rtt, 0, 2));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, RAM}, s.read(300 * L2, 2));
    }

    @Test
    void successUnfoldsUnassignedNs() {
        long ipa = s.unprotected() + 3 * L1;
        assertResult(SUCCESS, 0, call(s.rd, rtt, ipa, 2));
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, EMPTY}, s.read(ipa + 17 * L2, 2));
        assertArrayEquals(new long[] {1, TABLE, rtt, 0}, s.read(ipa, 1));
    }

    @Test
    void successUnfoldsAssignedBlockIntoPages() {
        s.pageTables(0);
        long first = s.dataBlock(0);
        long child = Stage2.ok(s.rmi("RMI_RTT_FOLD", s.rd, 0, 3), "fold")[1];
        assertArrayEquals(new long[] {2, ASSIGNED, first, EMPTY}, s.read(0, 3));
        assertResult(SUCCESS, 0, call(s.rd, rtt, 0, 3));
        // 11.5: entry i maps block PA + i * 4 KiB with the block's RIPAS
        assertArrayEquals(new long[] {3, ASSIGNED, first + 37 * L3, EMPTY}, s.read(37 * L3, 3));
        assertArrayEquals(new long[] {3, ASSIGNED, first + 511 * L3, EMPTY}, s.read(511 * L3, 3));
        assertEquals(GranuleState.DELEGATED, s.f.machine.rmm().granules().stateOf(child));
        // the unfolded table is live again (reference 7.1 count): it cannot be destroyed
        assertResult(ERROR_RTT, 3, s.rmi("RMI_RTT_DESTROY", s.rd, 0, 3));
    }

    @Test
    void successUnfoldsAssignedNsBlock() {
        long ipa = s.unprotected();
        s.rtt(ipa, 2);
        long desc = 0x4000_0000L | 0xC0 | 0x14;  // OA 2 MiB aligned, S2AP RW, MemAttr 0b101
        s.map(ipa + L2, 2, desc);
        assertResult(SUCCESS, 0, call(s.rd, rtt, ipa + L2, 3));
        assertArrayEquals(new long[] {3, ASSIGNED, (0x4000_0000L + 5 * L3) | 0xC0 | 0x14, 0},
                s.read(ipa + L2 + 5 * L3, 3));
    }

    @Test
    void successInActiveRealm() {
        s.activate();
        assertResult(SUCCESS, 0, call(s.rd, rtt, 0, 2));
    }
}
