package io.ccatrace.model.rmi.data;

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
 * RMI_DATA_DESTROY (reference 4.13): failure conditions in order with their x2 (0 on
 * ERROR_INPUT, the non-live top of 11.6 on ERROR_RTT), then the 4.13 transition table.
 */
class DataDestroyTest {
    /** Page 5 of the level-3 table covering [4 MiB, 6 MiB). */
    static final long BASE = 2 * L2;
    static final long IPA = BASE + 5 * L3;

    final Stage2 s = new Stage2();

    DataDestroyTest() {
        s.pageTables(BASE);
    }

    long[] call(long rd, long ipa) {
        return s.rmi("RMI_DATA_DESTROY", rd, ipa);
    }

    @Test
    void rdStateNotRdGivesZeroOutputs() {
        long[] r = call(s.realms.delegated(), IPA);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[2], "x2 = 0 on ERROR_INPUT");
    }

    @Test
    void ipaNotProtected() {
        long[] r = call(s.rd, s.unprotected() + IPA);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[2]);
    }

    @Test
    void ipaOutsideIpaSpace() {
        assertResult(ERROR_INPUT, 0, call(s.rd, 1L << 40));
    }

    @Test
    void ipaNotAligned() {
        long[] r = call(s.rd, IPA + 0x10);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[2]);
    }

    @Test
    void rttWalkStopsAtLevel1TopIsNextLiveLevel1Entry() {
        // walk for 1 GiB + 4 KiB stops in the starting level-1 table at entry 1; entry 3 is
        // TABLE (live), so top = 3 GiB (11.6)
        s.rtt(3 * L1, 2);
        long[] r = call(s.rd, L1 + L3);
        assertResult(ERROR_RTT, 1, r);
        assertEquals(3 * L1, r[2]);
    }

    @Test
    void rttWalkStopsAtLevel1TopIsEndOfTableWhenNothingLiveFollows() {
        // the first starting table covers [0, 512 GiB): nothing live after entry 1
        long[] r = call(s.rd, L1 + L3);
        assertResult(ERROR_RTT, 1, r);
        assertEquals(512 * L1, r[2]);
    }

    @Test
    void rttWalkStopsAtLevel2() {
        // level-2 table covering [0, 1 GiB): entry 2 is TABLE, nothing is live from entry 9
        long[] r = call(s.rd, 9 * L2);
        assertResult(ERROR_RTT, 2, r);
        assertEquals(L1, r[2]);
    }

    @Test
    void entryNotAssignedTopIsNextDataPage() {
        s.data(BASE + 9 * L3);
        long[] r = call(s.rd, IPA);
        assertResult(ERROR_RTT, 3, r);
        assertEquals(0, r[1]);
        assertEquals(BASE + 9 * L3, r[2]);
    }

    @Test
    void successRamBecomesDestroyed() {
        s.initRipas(IPA, IPA + L3);
        long data = s.data(IPA);
        s.f.machine.memory().write(data, new byte[] {5, 6, 7});
        long next = s.data(BASE + 7 * L3);
        int mark = s.mark();
        long[] r = call(s.rd, IPA);
        assertResult(SUCCESS, 0, r);
        assertEquals(data, r[1]);
        assertEquals(BASE + 7 * L3, r[2], "top: next live entry");
        assertArrayEquals(new long[] {3, UNASSIGNED, 0, DESTROYED}, s.read(IPA, 3));
        assertEquals(GranuleState.DELEGATED, s.f.machine.rmm().granules().stateOf(data));
        assertTrue(s.f.machine.memory().isZero(data), "scrubbed on the way to DELEGATED (7.1)");
        List<ModelEvent.RttEntry> ev = s.entryEvents(mark);
        assertEquals(1, ev.size());
        assertEquals("ASSIGNED", ev.get(0).fromState());
        assertEquals("RAM", ev.get(0).fromRipas());
        assertEquals("UNASSIGNED", ev.get(0).toState());
        assertEquals("DESTROYED", ev.get(0).toRipas());
        assertEquals(GranuleState.DATA, s.f.machine.rmm().granules().stateOf(next));
    }

    @Test
    void successEmptyStaysEmptyAndTopIsEndOfTable() {
        long data = s.data(IPA);
        long[] r = call(s.rd, IPA);
        assertResult(SUCCESS, 0, r);
        assertEquals(data, r[1]);
        assertEquals(BASE + L2, r[2]);
        assertArrayEquals(new long[] {3, UNASSIGNED, 0, EMPTY}, s.read(IPA, 3));
    }

    @Test
    void successDestroyedStaysDestroyedInActiveRealm() {
        s.initRipas(IPA, IPA + L3);
        s.data(IPA);
        Stage2.ok(call(s.rd, IPA), "first destroy");
        long data = s.data(IPA);            // ASSIGNED DESTROYED (4.12 keeps RIPAS)
        s.activate();
        long[] r = call(s.rd, IPA);
        assertResult(SUCCESS, 0, r);
        assertEquals(data, r[1]);
        assertArrayEquals(new long[] {3, UNASSIGNED, 0, DESTROYED}, s.read(IPA, 3));
    }
}
