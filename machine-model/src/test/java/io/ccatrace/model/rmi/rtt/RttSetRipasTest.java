package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ASSIGNED;
import static io.ccatrace.model.rmi.Stage2.DESTROYED;
import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_REC;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/**
 * RMI_RTT_SET_RIPAS (reference 4.21): failure conditions in order, then the per-entry table.
 * The pending request is written into the REC's request fields directly (RSI_IPA_STATE_SET
 * is the exec helper's), exactly as 7.3 describes them: base, top, addr = base, value,
 * change_destroyed.
 *
 * <p>Pages of the level-3 table at [0, 2 MiB), set up while NEW: p0 UNASSIGNED EMPTY,
 * p1 UNASSIGNED RAM, p2 UNASSIGNED DESTROYED, p3 ASSIGNED EMPTY, p4 ASSIGNED RAM,
 * p5 ASSIGNED DESTROYED.
 */
class RttSetRipasTest {
    static final long P6 = 6 * L3;

    final Stage2 s = new Stage2();
    final long rec;
    final Rec recObj;

    RttSetRipasTest() {
        rec = s.realms.rec(s.rd, 0);
        recObj = s.realms.recObject(rec);
        s.pageTables(0);
        s.initRipas(L3, 3 * L3);
        s.data(2 * L3);
        Stage2.ok(s.rmi("RMI_DATA_DESTROY", s.rd, 2 * L3), "destroy");
        s.data(3 * L3);
        s.initRipas(4 * L3, 6 * L3);
        s.data(4 * L3);
        s.data(5 * L3);
        Stage2.ok(s.rmi("RMI_DATA_DESTROY", s.rd, 5 * L3), "destroy");
        s.data(5 * L3);
        s.activate();
    }

    void request(long base, long top, long value, boolean changeDestroyed) {
        recObj.ripasBase = base;
        recObj.ripasTop = top;
        recObj.ripasAddr = base;
        recObj.ripasValue = (int) value;
        recObj.ripasChangeDestroyed = changeDestroyed;
    }

    long[] call(long rd, long recPa, long base, long top) {
        return s.rmi("RMI_RTT_SET_RIPAS", rd, recPa, base, top);
    }

    long ripas(int page) {
        return s.read(page * L3, 3)[3];
    }

    @Test
    void topEqualsBase() {
        request(0, P6, RAM, true);
        assertResult(ERROR_INPUT, 0, call(s.rd, rec, L3, L3));
    }

    @Test
    void topNotGranuleAligned() {
        request(0, P6, RAM, true);
        assertResult(ERROR_INPUT, 0, call(s.rd, rec, 0, L3 + 0x10));
    }

    @Test
    void rdStateNotRd() {
        request(0, P6, RAM, true);
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), rec, 0, P6));
    }

    @Test
    void recStateNotRec() {
        request(0, P6, RAM, true);
        assertResult(ERROR_INPUT, 0, call(s.rd, s.realms.delegated(), 0, P6));
    }

    @Test
    void recAlign() {
        request(0, P6, RAM, true);
        assertResult(ERROR_INPUT, 0, call(s.rd, rec + 0x100, 0, P6));
    }

    @Test
    void recRunning() {
        request(0, P6, RAM, true);
        s.f.machine.rmm().recs().enter(recObj);
        assertResult(ERROR_REC, 0, call(s.rd, rec, 0, P6));
    }

    @Test
    void recOwnedByAnotherRealm() {
        long otherRd = s.realms.create(40, 1);
        long otherRec = s.realms.rec(otherRd, 0);
        Rec o = s.realms.recObject(otherRec);
        o.ripasBase = 0;
        o.ripasAddr = 0;
        o.ripasTop = P6;
        o.ripasValue = (int) RAM;
        assertResult(ERROR_REC, 0, call(s.rd, otherRec, 0, P6));
    }

    @Test
    void baseNotTheRequestsProgressAddress() {
        request(0, P6, RAM, true);
        assertResult(ERROR_INPUT, 0, call(s.rd, rec, L3, P6));
    }

    @Test
    void topPastTheRequest() {
        request(0, P6, RAM, true);
        assertResult(ERROR_INPUT, 0, call(s.rd, rec, 0, P6 + L3));
    }

    @Test
    void noPendingRequest() {
        assertResult(ERROR_INPUT, 0, call(s.rd, rec, 0, L3));
    }

    @Test
    void baseNotAlignedToTheEntryTheWalkReached() {
        request(2 * L1 + L3, 2 * L1 + 2 * L3, RAM, true);
        assertResult(ERROR_RTT, 1, call(s.rd, rec, 2 * L1 + L3, 2 * L1 + 2 * L3));
    }

    @Test
    void noProgressBlockReachesPastTop() {
        request(2 * L1, 2 * L1 + L3, RAM, true);
        assertResult(ERROR_RTT, 1, call(s.rd, rec, 2 * L1, 2 * L1 + L3));
    }

    @Test
    void noProgressUnassignedDestroyedWithoutChangeDestroyed() {
        request(2 * L3, P6, RAM, false);
        assertResult(ERROR_RTT, 3, call(s.rd, rec, 2 * L3, P6));
        assertEquals(2 * L3, recObj.ripasAddr, "no progress recorded");
    }

    @Test
    void noProgressAssignedDestroyedWithoutChangeDestroyed() {
        request(5 * L3, P6, EMPTY, false);
        assertResult(ERROR_RTT, 3, call(s.rd, rec, 5 * L3, P6));
    }

    @Test
    void toRamWithChangeDestroyedChangesEveryRow() {
        request(0, P6, RAM, true);
        int mark = s.mark();
        long[] r = call(s.rd, rec, 0, P6);
        assertResult(SUCCESS, 0, r);
        assertEquals(P6, r[1]);
        assertEquals(P6, recObj.ripasAddr);
        for (int p = 0; p < 3; p++) assertEquals(UNASSIGNED, s.read(p * L3, 3)[1]);
        for (int p = 3; p < 6; p++) assertEquals(ASSIGNED, s.read(p * L3, 3)[1]);
        for (int p = 0; p < 6; p++) assertEquals(RAM, ripas(p), "page " + p);
        // p1 and p4 were already RAM: only p0, p2, p3, p5 change
        assertEquals(4, s.entryEvents(mark).size());
        for (int i = mark; i < s.f.events.size(); i++) {
            assertTrue(s.f.events.get(i).kind() != ModelEvent.Kind.MEASUREMENT, "not measured");
        }
    }

    @Test
    void toRamWithoutChangeDestroyedStopsAtDestroyed() {
        request(0, P6, RAM, false);
        long[] r = call(s.rd, rec, 0, P6);
        assertResult(SUCCESS, 0, r);
        assertEquals(2 * L3, r[1]);
        assertEquals(RAM, ripas(0));
        assertEquals(RAM, ripas(1));
        assertEquals(DESTROYED, ripas(2));
        assertEquals(EMPTY, ripas(3));
    }

    @Test
    void toEmptyWithChangeDestroyed() {
        request(0, P6, EMPTY, true);
        assertResult(SUCCESS, 0, call(s.rd, rec, 0, P6));
        for (int p = 0; p < 6; p++) assertEquals(EMPTY, ripas(p), "page " + p);
        assertEquals(ASSIGNED, s.read(4 * L3, 3)[1], "ASSIGNED RAM -> ASSIGNED EMPTY");
    }

    @Test
    void toEmptyWithoutChangeDestroyedStopsAtDestroyed() {
        request(0, P6, EMPTY, false);
        long[] r = call(s.rd, rec, 0, P6);
        assertResult(SUCCESS, 0, r);
        assertEquals(2 * L3, r[1]);
        assertEquals(EMPTY, ripas(1));
    }

    @Test
    void progressContinuesFromTheReturnedAddress() {
        request(3 * L3, P6, EMPTY, false);
        assertEquals(4 * L3, Stage2.ok(call(s.rd, rec, 3 * L3, 4 * L3), "first")[1]);
        long[] r = call(s.rd, rec, 4 * L3, P6);
        assertResult(SUCCESS, 0, r);     // p4 changes, then p5 (DESTROYED, no change_destroyed) stops
        assertEquals(5 * L3, r[1]);
        assertEquals(5 * L3, recObj.ripasAddr);
        assertEquals(EMPTY, ripas(4));
        assertEquals(ASSIGNED, s.read(4 * L3, 3)[1]);
        assertResult(ERROR_RTT, 3, call(s.rd, rec, 5 * L3, P6));
    }

    @Test
    void stopsAtTableEntry() {
        // level-2 table over [1 GiB, 2 GiB): entries 0-1 are blocks, entry 2 is TABLE
        s.rtt(L1, 2);
        s.rtt(L1 + 2 * L2, 3);
        request(L1, L1 + 3 * L2, RAM, false);
        long[] r = call(s.rd, rec, L1, L1 + 3 * L2);
        assertResult(SUCCESS, 0, r);
        assertEquals(L1 + 2 * L2, r[1]);
        assertArrayEquals(new long[] {2, UNASSIGNED, 0, RAM}, s.read(L1 + L2, 2));
    }
}
