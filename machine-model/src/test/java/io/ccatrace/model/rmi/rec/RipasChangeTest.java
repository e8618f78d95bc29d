package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Guest;
import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/**
 * The RIPAS change request/response protocol: RSI_IPA_STATE_SET (6.2), the RIPAS_CHANGE exit
 * (8.4), RMI_RTT_SET_RIPAS by the host and the completion on the next REC_ENTER (8.4).
 */
class RipasChangeTest {
    static final long BASE = 0x40000, TOP = 0x43000;
    static final long RSI_SUCCESS = 0, RSI_ERROR_INPUT = 1, ACCEPT = 0, REJECT = 1;
    static final long RAM = 1, EMPTY = 0;

    static Guest guest() {
        Guest g = new Guest();
        g.tablesFor(BASE);                  // level-3 entries, UNASSIGNED EMPTY
        return g.activate();
    }

    @Test
    void requestExitsWithTheRange() {
        Guest g = guest();
        g.call("RSI_IPA_STATE_SET", BASE, TOP, RAM, 0);
        RecRunExit x = g.run();
        assertEquals(ExitReason.RIPAS_CHANGE, x.reason());
        assertEquals(BASE, x.ripasBase());
        assertEquals(TOP, x.ripasTop());
        assertEquals(RAM, x.ripasValue());
        ModelEvent.RecExit e = g.last(ModelEvent.RecExit.class);
        assertEquals("RIPAS_CHANGE", e.reason());
        assertEquals(BASE, e.ripasBase());
        assertEquals(TOP, e.ripasTop());
        assertEquals("RAM", e.ripasValue());
        assertTrue(g.events(ModelEvent.RsiCall.class).isEmpty(), "completes on the next entry");
    }

    @Test
    void fullyAppliedRequestCompletesWithTopAndAccept() {
        Guest g = guest();
        g.call("RSI_IPA_STATE_SET", BASE, TOP, RAM, 0);
        g.run();
        long[] r = Stage2.ok(g.f.rmi("RMI_RTT_SET_RIPAS", g.rd, g.rec, BASE, TOP), "SET_RIPAS");
        assertEquals(TOP, r[1]);
        g.run();
        ModelEvent.RsiCall c = g.last(ModelEvent.RsiCall.class);
        assertEquals("RSI_IPA_STATE_SET", c.cmd());
        assertEquals(RSI_SUCCESS, c.ret());
        assertArrayEquals(new long[] {TOP, ACCEPT}, c.out());
        assertEquals(RAM, g.s2.read(BASE + 0x1000, 3)[3], "RIPAS is RAM now");
        assertEquals(Stage2.ERROR_INPUT, Fixture.status(g.f.rmi("RMI_RTT_SET_RIPAS", g.rd, g.rec, BASE, TOP)),
                "the request is cleared (4.21)");
    }

    @Test
    void partialProgressReportsTheFirstUnchangedAddress() {
        Guest g = guest();
        g.call("RSI_IPA_STATE_SET", BASE, TOP, RAM, 0);
        g.run();
        Stage2.ok(g.f.rmi("RMI_RTT_SET_RIPAS", g.rd, g.rec, BASE, BASE + 0x1000), "SET_RIPAS");
        g.run();
        assertArrayEquals(new long[] {BASE + 0x1000, ACCEPT}, g.last(ModelEvent.RsiCall.class).out());
    }

    @Test
    void hostRejectsAnUnfinishedRamRequest() {
        Guest g = guest();
        g.call("RSI_IPA_STATE_SET", BASE, TOP, RAM, 0);
        g.run();
        g.run(RecRunEnter.RIPAS_RESPONSE, 0);
        ModelEvent.RsiCall c = g.last(ModelEvent.RsiCall.class);
        assertEquals(RSI_SUCCESS, c.ret());
        assertArrayEquals(new long[] {BASE, REJECT}, c.out());
    }

    @Test
    void rejectOfACompletedRequestIsAccept() {
        Guest g = guest();
        g.call("RSI_IPA_STATE_SET", BASE, TOP, RAM, 0);
        g.run();
        g.f.rmi("RMI_RTT_SET_RIPAS", g.rd, g.rec, BASE, TOP);
        g.run(RecRunEnter.RIPAS_RESPONSE, 0);
        assertArrayEquals(new long[] {TOP, ACCEPT}, g.last(ModelEvent.RsiCall.class).out());
    }

    @Test
    void requestForEmptyCannotBeRejected() {
        // reference 8.4 (rel0): REJECT only for RAM requests; EMPTY can only be left undone
        Guest g = guest();
        g.call("RSI_IPA_STATE_SET", BASE, TOP, EMPTY, 0);
        g.run();
        g.run(RecRunEnter.RIPAS_RESPONSE, 0);
        assertArrayEquals(new long[] {BASE, ACCEPT}, g.last(ModelEvent.RsiCall.class).out());
    }

    @Test
    void changeDestroyedFlagReachesSetRipas() {
        Guest g = new Guest();
        g.destroyed(BASE);
        g.activate();
        g.call("RSI_IPA_STATE_SET", BASE, BASE + 0x1000, EMPTY, 1);
        g.run();
        Stage2.ok(g.f.rmi("RMI_RTT_SET_RIPAS", g.rd, g.rec, BASE, BASE + 0x1000), "SET_RIPAS");
        assertEquals(EMPTY, g.s2.read(BASE, 3)[3]);
    }

    @Test
    void withoutChangeDestroyedTheHostCannotProgress() {
        Guest g = new Guest();
        g.destroyed(BASE);
        g.activate();
        g.call("RSI_IPA_STATE_SET", BASE, BASE + 0x1000, RAM, 0);
        g.run();
        assertEquals(Stage2.ERROR_RTT, Fixture.status(g.f.rmi("RMI_RTT_SET_RIPAS", g.rd, g.rec, BASE, BASE + 0x1000)));
    }

    static long setStatus(Guest g, long base, long top, long ripas) {
        g.call("RSI_IPA_STATE_SET", base, top, ripas, 0);
        RecRunExit x = g.run();
        assertEquals(ExitReason.IRQ, x.reason(), "an input error returns to the realm");
        return g.last(ModelEvent.RsiCall.class).ret();
    }

    @Test
    void ripasValid() {
        assertEquals(RSI_ERROR_INPUT, setStatus(guest(), BASE, TOP, 2));
    }

    @Test
    void baseAlign() {
        assertEquals(RSI_ERROR_INPUT, setStatus(guest(), BASE + 8, TOP, RAM));
    }

    @Test
    void topAlign() {
        assertEquals(RSI_ERROR_INPUT, setStatus(guest(), BASE, TOP + 8, RAM));
    }

    @Test
    void sizeValid() {
        assertEquals(RSI_ERROR_INPUT, setStatus(guest(), BASE, BASE, RAM));
    }

    @Test
    void regionBound() {
        Guest g = guest();
        long half = g.protectedTop();
        assertEquals(RSI_ERROR_INPUT, setStatus(g, half - 0x1000, half + 0x1000, RAM));
    }
}
