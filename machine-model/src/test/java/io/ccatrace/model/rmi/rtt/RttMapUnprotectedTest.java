package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ASSIGNED;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rmi.Stage2;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RMI_RTT_MAP_UNPROTECTED (reference 4.17): failure conditions in order, then success. */
class RttMapUnprotectedTest {
    static final long DESC = 0x8020_0000L | 0xC0 | 0x14;   // OA, S2AP RW, MemAttr 0b101

    final Stage2 s = new Stage2();
    final long ipa = s.unprotected() + 2 * L2 + 9 * L3;

    RttMapUnprotectedTest() {
        s.pageTables(ipa);
    }

    long[] call(long rd, long at, long level, long desc) {
        return s.rmi("RMI_RTT_MAP_UNPROTECTED", rd, at, level, desc);
    }

    @Test
    void levelBoundZero() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 0, DESC));
    }

    @Test
    void levelBoundAboveThree() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 4, DESC));
    }

    @Test
    void rdStateNotRd() {
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), ipa, 3, DESC));
    }

    @Test
    void descLowBitsSet() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 3, DESC | 0x3));
    }

    @Test
    void descOtherAttributeBitSet() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 3, DESC | (1L << 10)));   // AF is RMM's
    }

    @Test
    void descOaNotAlignedToLevel() {
        long at = s.unprotected() + 5 * L2;
        assertResult(ERROR_INPUT, 0, call(s.rd, at, 2, 0x8000_1000L | 0xC0));
    }

    @Test
    void descReservedMemAttr() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 3, 0x8020_0000L | 0xC0 | (0b100 << 2)));
    }

    @Test
    void descOaAbove48Bits() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 3, (1L << 48) | DESC));
    }

    @Test
    void ipaNotAlignedToLevel() {
        assertResult(ERROR_INPUT, 0, call(s.rd, ipa, 2, 0x8020_0000L | 0xC0));
    }

    @Test
    void ipaOutsideIpaSpace() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 1L << 40, 3, DESC));
    }

    @Test
    void ipaProtected() {
        s.pageTables(0);
        assertResult(ERROR_INPUT, 0, call(s.rd, 9 * L3, 3, DESC));
    }

    @Test
    void rttWalkStopsAtLevel1() {
        assertResult(ERROR_RTT, 1, call(s.rd, s.unprotected() + 4 * L1, 3, DESC));
    }

    @Test
    void rttWalkStopsAtLevel2() {
        assertResult(ERROR_RTT, 2, call(s.rd, s.unprotected() + 8 * L2, 3, DESC));
    }

    @Test
    void entryAlreadyMapped() {
        s.map(ipa, 3, DESC);
        assertResult(ERROR_RTT, 3, call(s.rd, ipa, 3, DESC));
    }

    @Test
    void entryIsTableAtRequestedLevel() {
        // mapping a level-2 block where a level-3 table sits: entry state TABLE
        assertResult(ERROR_RTT, 2, call(s.rd, s.unprotected() + 2 * L2, 2, 0x8020_0000L | 0xC0));
    }

    @Test
    void successPage() {
        int mark = s.mark();
        assertResult(SUCCESS, 0, call(s.rd, ipa, 3, DESC));
        assertArrayEquals(new long[] {3, ASSIGNED, DESC, 0}, s.read(ipa, 3));
        List<ModelEvent.RttEntry> ev = s.entryEvents(mark);
        assertEquals(1, ev.size());
        assertEquals("UNASSIGNED_NS", ev.get(0).fromState());
        assertEquals("ASSIGNED_NS", ev.get(0).toState());
        assertEquals(0x8020_0000L, ev.get(0).pa());
        assertEquals(null, ev.get(0).toRipas());
    }

    @Test
    void successLevel1BlockAnyPaInActiveRealm() {
        // the PA is not checked against the GPT or DRAM (4.17)
        s.activate();
        long at = s.unprotected() + 9 * L1;
        long desc = (5 * L1) | 0x40;
        assertResult(SUCCESS, 0, call(s.rd, at, 1, desc));
        assertArrayEquals(new long[] {1, ASSIGNED, desc, 0}, s.read(at, 3));
    }
}
