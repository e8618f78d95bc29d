package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Guest;
import org.junit.jupiter.api.Test;

/**
 * RMI_PSCI_COMPLETE failure conditions in reference 5 order, its success table, and the
 * realm side of PSCI CPU_ON / AFFINITY_INFO (6.3).
 */
class PsciCompleteTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1, ERROR_REC = 3;
    static final long CPU_ON = 0xC4000003L, AFFINITY_INFO = 0xC4000004L;
    static final long PSCI_SUCCESS = 0, DENIED = -3, ALREADY_ON = -4;
    static final long ENTRY = 0x8000, CONTEXT = 0x1234;

    /** Realm with REC 0 runnable, REC 1 (MPIDR 1) off and REC 2 (MPIDR 2) off. */
    static final class Three {
        final Guest g = new Guest();
        final long rec1 = g.addRec(1, false);
        final long rec2 = g.addRec(2, false);

        Three() {
            g.activate();
        }

        /** REC 0 asks CPU_ON(target) and exits PSCI. */
        RecRunExit cpuOn(long target) {
            g.call("PSCI_CPU_ON", target, ENTRY, CONTEXT);
            return g.run();
        }

        long[] complete(long calling, long target, long status) {
            return g.f.rmi("RMI_PSCI_COMPLETE", calling, target, status);
        }
    }

    @Test
    void cpuOnExitForwardsFidAndTarget() {
        Three t = new Three();
        RecRunExit x = t.cpuOn(1);
        assertEquals(ExitReason.PSCI, x.reason());
        long[] gprs = x.gprs();
        assertEquals(CPU_ON, gprs[0]);
        assertEquals(1, gprs[1]);
        for (int i = 2; i < 31; i++) assertEquals(0, gprs[i], "gprs[" + i + "] (reference 6.3: FID and MPIDR only)");
        assertTrue(t.g.eventsSince(0, ModelEvent.RsiCall.class).isEmpty(), "completes on the next entry");
    }

    @Test
    void callingAlign() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec + 8, t.rec1, PSCI_SUCCESS)));
    }

    @Test
    void targetAlign() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.rec1 + 8, PSCI_SUCCESS)));
    }

    @Test
    void alias() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.g.rec, PSCI_SUCCESS)));
    }

    @Test
    void callingNotARec() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rd, t.rec1, PSCI_SUCCESS)));
    }

    @Test
    void targetNotARec() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.g.run, PSCI_SUCCESS)));
    }

    @Test
    void noRequestPending() {
        Three t = new Three();
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.rec1, PSCI_SUCCESS)));
    }

    @Test
    void targetOfAnotherRealm() {
        Three t = new Three();
        long otherRd = t.g.s2.realms.create(40, 1);
        t.g.s2.realms.rec(otherRd, 0);
        long otherRec1 = t.g.s2.realms.rec(otherRd, t.g.s2.realms.recParams(1, false));
        t.cpuOn(1);
        // index 1 in both realms: only the owner check fails
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, otherRec1, PSCI_SUCCESS)));
        assertTrue(!t.g.recObject(otherRec1).runnable());
    }

    @Test
    void targetIsNotTheRequestedRec() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.rec2, PSCI_SUCCESS)));
    }

    @Test
    void cpuOnStatusOtherThanSuccessOrDenied() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.rec1, ALREADY_ON)));
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.rec1, 1)));
    }

    @Test
    void affinityInfoStatusOtherThanSuccess() {
        Three t = new Three();
        t.g.call("PSCI_AFFINITY_INFO", 1, 0);
        t.g.run();
        assertEquals(ERROR_INPUT, Fixture.status(t.complete(t.g.rec, t.rec1, DENIED)));
    }

    @Test
    void cpuOnDeniedWhileTargetIsOn() {
        Guest g = new Guest();
        long rec1 = g.addRec(1, true);
        g.activate();
        g.call("PSCI_CPU_ON", 1, ENTRY, CONTEXT);
        g.run();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_PSCI_COMPLETE", g.rec, rec1, DENIED)));
        assertEquals(ERROR_REC, Fixture.status(g.enter()), "the request is still pending");
    }

    @Test
    void cpuOnSuccessTurnsTheTargetOn() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(ERROR_REC, Fixture.status(t.g.enter(t.rec1, io.ccatrace.model.rec.RecRunEnter.of(0, 0))));
        assertEquals(SUCCESS, Fixture.status(t.complete(t.g.rec, t.rec1, PSCI_SUCCESS)));
        Rec target = t.g.recObject(t.rec1);
        assertTrue(target.runnable());
        assertEquals(ENTRY, target.pc, "PC := entry point (reference 5)");
        assertEquals(CONTEXT, target.gprs[0], "x0 := context id");
        // the caller sees PSCI_SUCCESS when it next runs: one RSI_CALL, emitted then
        t.g.run();
        ModelEvent.RsiCall c = t.g.last(ModelEvent.RsiCall.class);
        assertEquals("PSCI_CPU_ON", c.cmd());
        assertEquals(CPU_ON, c.fid());
        assertArrayEquals(new long[] {1, ENTRY, CONTEXT}, c.args());
        assertEquals(PSCI_SUCCESS, c.ret());
        assertEquals("PSCI_SUCCESS", c.status());
        assertEquals(1, t.g.events(ModelEvent.RsiCall.class).size());
        assertEquals(0, t.g.recObject().gprs[1]);
        // and the target can now be entered
        assertEquals(SUCCESS, Fixture.status(t.g.enter(t.rec1, io.ccatrace.model.rec.RecRunEnter.of(0, 0))));
    }

    @Test
    void successZeroesTheCallersX1ToX3AndKeepsTheRest() {
        Three t = new Three();
        t.cpuOn(1);   // the caller's x1..x3 held the call's target, entry point and context id
        Rec caller = t.g.recObject();
        caller.gprs[4] = 0x4444;
        caller.gprs[5] = 0x5555;
        assertEquals(SUCCESS, Fixture.status(t.complete(t.g.rec, t.rec1, PSCI_SUCCESS)));
        t.g.run();
        assertEquals(PSCI_SUCCESS, caller.gprs[0]);
        for (int i = 1; i <= 3; i++) assertEquals(0, caller.gprs[i], "x" + i + " := 0 (reference: PSCI_COMPLETE success)");
        assertEquals(0x4444, caller.gprs[4], "x4 is not a result register");
        assertEquals(0x5555, caller.gprs[5]);
    }

    @Test
    void cpuOnDeniedLeavesTargetOff() {
        Three t = new Three();
        t.cpuOn(1);
        assertEquals(SUCCESS, Fixture.status(t.complete(t.g.rec, t.rec1, DENIED)));
        assertTrue(!t.g.recObject(t.rec1).runnable());
        t.g.run();
        ModelEvent.RsiCall c = t.g.last(ModelEvent.RsiCall.class);
        assertEquals(DENIED, c.ret());
        assertEquals("PSCI_DENIED", c.status());
    }

    @Test
    void cpuOnOfARunnableTargetIsAlreadyOn() {
        Guest g = new Guest();
        long rec1 = g.addRec(1, true);
        g.activate();
        g.call("PSCI_CPU_ON", 1, ENTRY, CONTEXT);
        g.run();
        assertEquals(SUCCESS, Fixture.status(g.f.rmi("RMI_PSCI_COMPLETE", g.rec, rec1, PSCI_SUCCESS)));
        assertEquals(0, g.recObject(rec1).pc, "target untouched");
        g.run();
        assertEquals("PSCI_ALREADY_ON", g.last(ModelEvent.RsiCall.class).status());
        assertEquals(ALREADY_ON, g.last(ModelEvent.RsiCall.class).ret());
    }

    @Test
    void affinityInfoReportsOffAndOn() {
        Three t = new Three();
        t.g.call("PSCI_AFFINITY_INFO", 1, 0);
        RecRunExit x = t.g.run();
        assertEquals(ExitReason.PSCI, x.reason());
        assertEquals(AFFINITY_INFO, x.gprs()[0]);
        assertEquals(1, x.gprs()[1]);
        assertEquals(SUCCESS, Fixture.status(t.complete(t.g.rec, t.rec1, PSCI_SUCCESS)));
        t.g.run();
        assertEquals("AFFINITY_OFF", t.g.last(ModelEvent.RsiCall.class).status());
        assertEquals(1, t.g.last(ModelEvent.RsiCall.class).ret());
        // turn REC 1 on, then ask again
        t.cpuOn(1);
        t.complete(t.g.rec, t.rec1, PSCI_SUCCESS);
        t.g.call("PSCI_AFFINITY_INFO", 1, 0);
        t.g.run();
        t.complete(t.g.rec, t.rec1, PSCI_SUCCESS);
        t.g.run();
        assertEquals("AFFINITY_ON", t.g.last(ModelEvent.RsiCall.class).status());
    }
}
