package io.ccatrace.model.psci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Guest;
import org.junit.jupiter.api.Test;

/** The PSCI / SMCCC calls a realm makes (reference 6.3, 1.5). */
class PsciCallsTest {
    static final long SUCCESS = 0, NOT_SUPPORTED = -1, INVALID_PARAMETERS = -2, ALREADY_ON = -4,
            INVALID_ADDRESS = -9;

    static ModelEvent.RsiCall callAndReturn(Guest g, String name, long... args) {
        g.call(name, args);
        RecRunExit x = g.run();
        assertEquals(ExitReason.IRQ, x.reason(), name + " must not exit");
        return g.last(ModelEvent.RsiCall.class);
    }

    @Test
    void versions() {
        Guest g = new Guest().activate();
        ModelEvent.RsiCall p = callAndReturn(g, "PSCI_VERSION");
        assertEquals(0x10001, p.ret(), "PSCI 1.1");
        ModelEvent.RsiCall s = callAndReturn(g, "SMCCC_VERSION");
        assertEquals(0x10002, s.ret(), "SMCCC 1.2");
        assertEquals(0x80000000L, s.fid());
    }

    @Test
    void psciFeatures() {
        Guest g = new Guest().activate();
        long[] supported = {0x84000001L, 0xC4000001L, 0x84000002L, 0x84000003L, 0xC4000003L,
            0x84000004L, 0xC4000004L, 0x84000008L, 0x84000009L, 0x8400000AL, 0x80000000L};
        for (long fid : supported) {
            assertEquals(SUCCESS, callAndReturn(g, "PSCI_FEATURES", fid).ret(), Long.toHexString(fid));
        }
        assertEquals(NOT_SUPPORTED, callAndReturn(g, "PSCI_FEATURES", 0x84000000L).ret(), "PSCI_VERSION not listed");
        assertEquals(NOT_SUPPORTED, callAndReturn(g, "PSCI_FEATURES", 0x8400000CL).ret());
        assertEquals("PSCI_NOT_SUPPORTED", g.last(ModelEvent.RsiCall.class).status());
    }

    @Test
    void cpuOnEntryNotProtected() {
        Guest g = new Guest();
        g.addRec(1, false);
        g.activate();
        ModelEvent.RsiCall c = callAndReturn(g, "PSCI_CPU_ON", 1, g.protectedTop(), 0);
        assertEquals(INVALID_ADDRESS, c.ret());
        assertEquals("PSCI_INVALID_ADDRESS", c.status());
    }

    @Test
    void cpuOnTargetOutOfRange() {
        Guest g = new Guest();
        g.addRec(1, false);
        g.activate();
        assertEquals(INVALID_PARAMETERS, callAndReturn(g, "PSCI_CPU_ON", 2, 0x1000, 0).ret());
        assertEquals(INVALID_PARAMETERS, callAndReturn(g, "PSCI_CPU_ON", 1L << 4, 0x1000, 0).ret(),
                "Aff0[7:4] is not a REC affinity field");
    }

    @Test
    void cpuOnSelfIsAlreadyOn() {
        Guest g = new Guest().activate();
        assertEquals(ALREADY_ON, callAndReturn(g, "PSCI_CPU_ON", 0, 0x1000, 0).ret());
    }

    @Test
    void cpuOnSmc32HasItsOwnFidInTheExit() {
        Guest g = new Guest();
        g.addRec(1, false);
        g.activate();
        g.call("PSCI_CPU_ON_SMC32", 1, 0x1000, 0);
        RecRunExit x = g.run();
        assertEquals(0x84000003L, x.gprs()[0]);
    }

    @Test
    void affinityInfoChecks() {
        Guest g = new Guest();
        g.addRec(1, false);
        g.activate();
        assertEquals(INVALID_PARAMETERS, callAndReturn(g, "PSCI_AFFINITY_INFO", 1, 1).ret(), "lowest level != 0");
        assertEquals(INVALID_PARAMETERS, callAndReturn(g, "PSCI_AFFINITY_INFO", 5, 0).ret());
        ModelEvent.RsiCall self = callAndReturn(g, "PSCI_AFFINITY_INFO", 0, 0);
        assertEquals(0, self.ret());
        assertEquals("AFFINITY_ON", self.status());
    }

    @Test
    void cpuSuspendReturnsSuccessAndNotifiesTheHost() {
        Guest g = new Guest().activate();
        g.call("PSCI_CPU_SUSPEND", 0, 0, 0);
        RecRunExit x = g.run();
        assertEquals(ExitReason.PSCI, x.reason());
        assertArrayEquals(new long[] {0xC4000001L}, java.util.Arrays.copyOf(x.gprs(), 1));
        assertEquals(0, x.gprs()[1]);
        assertEquals(SUCCESS, g.last(ModelEvent.RsiCall.class).ret());
        assertEquals(0, Fixture.status(g.enter()), "nothing for the host to complete");
    }

    @Test
    void cpuOffMakesTheRecNotRunnable() {
        Guest g = new Guest().activate();
        int mark = g.mark();
        g.call("PSCI_CPU_OFF");
        RecRunExit x = g.run();
        assertEquals(ExitReason.PSCI, x.reason());
        assertEquals(0x84000002L, x.gprs()[0]);
        assertTrue(!g.recObject().runnable());
        var st = g.eventsSince(mark, ModelEvent.RecState.class);
        assertEquals("NOT_RUNNABLE", st.get(st.size() - 1).to());
        assertEquals(3, Fixture.status(g.enter()), "rec_runnable: ERROR_REC");
    }

    @Test
    void systemResetIsSystemOff() {
        Guest g = new Guest().activate();
        g.call("PSCI_SYSTEM_RESET");
        RecRunExit x = g.run();
        assertEquals(ExitReason.PSCI, x.reason());
        assertEquals(0x84000009L, x.gprs()[0]);
        ModelEvent.RealmState s = g.last(ModelEvent.RealmState.class);
        assertEquals("SYSTEM_OFF", s.to());
        assertEquals(0x102, g.enter(g.rec, RecRunEnter.of(0, 0))[0]);
    }
}
