package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_REALM;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.RAM;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.UNASSIGNED;
import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rmi.Rim;
import io.ccatrace.model.rmi.Stage2;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_RTT_INIT_RIPAS (reference 4.20): failure conditions in order, then the loop rules,
 * with the RIM checked against an independent descriptor chain (9.6, 10.2).
 */
class RttInitRipasTest {
    static final long BASE = 4 * L2;   // a level-3 table covers [8 MiB, 10 MiB)

    final Stage2 s = new Stage2();

    RttInitRipasTest() {
        s.pageTables(BASE);
    }

    long[] call(long rd, long base, long top) {
        return s.rmi("RMI_RTT_INIT_RIPAS", rd, base, top);
    }

    byte[] rim() {
        return Arrays.copyOf(s.realms.realm(s.rd).measurement(0), 32);
    }

    @Test
    void topEqualsBase() {
        assertResult(ERROR_INPUT, 0, call(s.rd, BASE, BASE));
    }

    @Test
    void topBelowBase() {
        assertResult(ERROR_INPUT, 0, call(s.rd, BASE + L3, BASE));
    }

    @Test
    void rdStateNotRd() {
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), BASE, BASE + L3));
    }

    @Test
    void baseNotAligned() {
        assertResult(ERROR_INPUT, 0, call(s.rd, BASE + 8, BASE + L3));
    }

    @Test
    void topNotAligned() {
        assertResult(ERROR_INPUT, 0, call(s.rd, BASE, BASE + L3 + 8));
    }

    @Test
    void baseNotProtected() {
        assertResult(ERROR_INPUT, 0, call(s.rd, s.unprotected(), s.unprotected() + L3));
    }

    @Test
    void topPastProtectedHalf() {
        assertResult(ERROR_INPUT, 0, call(s.rd, s.unprotected() - L3, s.unprotected() + L3));
    }

    @Test
    void realmStateActive() {
        s.activate();
        assertResult(ERROR_REALM, 0, call(s.rd, BASE, BASE + L3));
    }

    @Test
    void baseNotAlignedToTheEntryTheWalkReached() {
        // no level-2 table under level-1 entry 3: the walk stops at level 1
        assertResult(ERROR_RTT, 1, call(s.rd, 3 * L1 + L3, 3 * L1 + 2 * L3));
    }

    @Test
    void noProgressFirstEntryAssigned() {
        s.data(BASE);
        assertResult(ERROR_RTT, 3, call(s.rd, BASE, BASE + 2 * L3));
    }

    @Test
    void noProgressBlockReachesPastTop() {
        // a 1 GiB level-1 entry is never split
        assertResult(ERROR_RTT, 1, call(s.rd, 3 * L1, 3 * L1 + L3));
    }

    @Test
    void noProgressFirstEntryDestroyed() {
        s.initRipas(BASE, BASE + L3);
        s.data(BASE);
        Stage2.ok(s.rmi("RMI_DATA_DESTROY", s.rd, BASE), "destroy");
        assertResult(ERROR_RTT, 3, call(s.rd, BASE, BASE + L3));
    }

    @Test
    void successPagesMeasuredPerEntry() {
        byte[] expected = rim();
        int mark = s.mark();
        long[] r = call(s.rd, BASE + L3, BASE + 4 * L3);
        assertResult(SUCCESS, 0, r);
        assertEquals(BASE + 4 * L3, r[1]);
        for (int i = 1; i < 4; i++) {
            assertArrayEquals(new long[] {3, UNASSIGNED, 0, RAM}, s.read(BASE + i * L3, 3));
            expected = Rim.ripas(expected, BASE + i * L3, BASE + (i + 1) * L3);
        }
        assertArrayEquals(new long[] {3, UNASSIGNED, 0, EMPTY}, s.read(BASE, 3));
        assertArrayEquals(expected, rim());
        List<ModelEvent.RttEntry> ev = s.entryEvents(mark);
        assertEquals(3, ev.size());
        assertEquals("EMPTY", ev.get(0).fromRipas());
        assertEquals("RAM", ev.get(0).toRipas());
        assertEquals(3, s.f.eventsOf(ModelEvent.Kind.MEASUREMENT).stream()
                .filter(e -> ((ModelEvent.Measurement) e).what().equals("RIPAS")).count());
    }

    @Test
    void successBlocksMeasuredOncePerBlock() {
        byte[] expected = Rim.ripas(Rim.ripas(rim(), L1, 2 * L1), 2 * L1, 3 * L1);
        long[] r = call(s.rd, L1, 3 * L1 + L3);   // the 3 GiB entry would pass top: stop
        assertResult(SUCCESS, 0, r);
        assertEquals(3 * L1, r[1]);
        assertArrayEquals(new long[] {1, UNASSIGNED, 0, RAM}, s.read(2 * L1, 1));
        assertArrayEquals(new long[] {1, UNASSIGNED, 0, EMPTY}, s.read(3 * L1, 1));
        assertArrayEquals(expected, rim());
    }

    @Test
    void successStopsAtEndOfTable() {
        long[] r = call(s.rd, BASE + 510 * L3, BASE + L2 + 4 * L3);
        assertResult(SUCCESS, 0, r);
        assertEquals(BASE + L2, r[1]);
    }

    @Test
    void successStopsAtAssignedEntry() {
        s.data(BASE + 2 * L3);
        long[] r = call(s.rd, BASE, BASE + 5 * L3);
        assertResult(SUCCESS, 0, r);
        assertEquals(BASE + 2 * L3, r[1]);
    }

    @Test
    void successRamStaysRamAndIsMeasuredAgain() {
        s.initRipas(BASE, BASE + L3);
        byte[] expected = Rim.ripas(rim(), BASE, BASE + L3);
        int mark = s.mark();
        long[] r = call(s.rd, BASE, BASE + L3);
        assertResult(SUCCESS, 0, r);
        assertEquals(BASE + L3, r[1]);
        assertEquals(0, s.entryEvents(mark).size(), "no entry change");
        assertArrayEquals(expected, rim());
    }
}
