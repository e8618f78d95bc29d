package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ASSIGNED;
import static io.ccatrace.model.rmi.Stage2.DESTROYED;
import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.RAM;
import static io.ccatrace.model.rmi.Stage2.TABLE;
import static io.ccatrace.model.rmi.Stage2.UNASSIGNED;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/**
 * RMI_RTT_READ_ENTRY (reference 4.19): the two failure rows, then one test per row of the
 * outputs table (x1 walk level, x2 state, x3 desc, x4 ripas).
 */
class RttReadEntryTest {
    final Stage2 s = new Stage2();

    long[] call(long rd, long ipa, long level) {
        return s.rmi("RMI_RTT_READ_ENTRY", rd, ipa, level);
    }

    @Test
    void rdStateNotRd() {
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), 0, 1));
    }

    @Test
    void levelBelowStartingLevel() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 0, 0));
    }

    @Test
    void levelAboveThree() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 0, 4));
    }

    @Test
    void ipaNotAlignedToLevel() {
        assertResult(ERROR_INPUT, 0, call(s.rd, L3, 2));
    }

    @Test
    void ipaOutsideIpaSpace() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 1L << 40, 1));
    }

    @Test
    void unassignedEmptyWhereTheWalkStops() {
        // asked for level 3, the walk stops at the level-1 entry: x1 = 1
        assertArrayEquals(new long[] {1, UNASSIGNED, 0, EMPTY}, s.read(5 * L2 + L3, 3));
    }

    @Test
    void unassignedRam() {
        s.initRipas(0, L1);
        assertArrayEquals(new long[] {1, UNASSIGNED, 0, RAM}, s.read(0, 1));
    }

    @Test
    void unassignedDestroyed() {
        s.pageTables(0);
        Stage2.ok(s.rmi("RMI_RTT_DESTROY", s.rd, 0, 3), "destroy");
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, DESTROYED}, s.read(0, 2));
    }

    @Test
    void assignedEmpty() {
        s.pageTables(0);
        long pa = s.data(3 * L3);
        assertArrayEquals(new long[] {3, ASSIGNED, pa, EMPTY}, s.read(3 * L3, 3));
    }

    @Test
    void assignedRam() {
        s.pageTables(0);
        s.initRipas(3 * L3, 4 * L3);
        long pa = s.data(3 * L3);
        assertArrayEquals(new long[] {3, ASSIGNED, pa, RAM}, s.read(3 * L3, 3));
    }

    @Test
    void assignedDestroyedReportsZeroDescInRel0() {
        s.pageTables(0);
        s.initRipas(3 * L3, 4 * L3);
        s.data(3 * L3);
        Stage2.ok(s.rmi("RMI_DATA_DESTROY", s.rd, 3 * L3), "destroy");
        s.data(3 * L3);
        assertArrayEquals(new long[] {3, ASSIGNED, 0, DESTROYED}, s.read(3 * L3, 3));
    }

    @Test
    void unassignedNs() {
        assertArrayEquals(new long[] {1, UNASSIGNED, 0, EMPTY}, s.read(s.unprotected(), 1));
    }

    @Test
    void assignedNsReportsHostBits() {
        long ipa = s.unprotected() + L2;
        s.rtt(ipa, 2);
        long desc = 0x9000_0000L | 0x80 | 0x4;
        s.map(ipa, 2, desc);
        assertArrayEquals(new long[] {2, ASSIGNED, desc, 0}, s.read(ipa, 2));
    }

    @Test
    void table() {
        long rtt = s.rtt(2 * L1, 2);
        assertArrayEquals(new long[] {1, TABLE, rtt, 0}, s.read(2 * L1, 1));
    }
}
