package io.ccatrace.model.rsi;

import static io.ccatrace.model.rsi.RsiCalls.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Guest;
import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/** PSCI and SMCCC calls from a realm, reference 6.3 (and 1.5 for the values). */
class PsciCallsTest {
    static final long SUCCESS = 0, NOT_SUPPORTED = -1, INVALID_PARAMETERS = -2,
            ALREADY_ON = -4, INVALID_ADDRESS = -9;
    static final long CPU_ON = 0xC4000003L, AFFINITY_INFO = 0xC4000004L;
    static final long TOP = 1L << 39;

    /** REC 0 runnable, REC 1 (MPIDR Aff0 = 1) not runnable; realm ACTIVE. */
    private static Guest twoRecs() {
        Guest g = new Guest();
        g.addRec(1, false);
        g.activate();
        return g;
    }

    @Test
    void versions() {
        Guest g = new Guest().activate();
        assertEquals(0x10002, call(g, "SMCCC_VERSION").ret());
        assertEquals(0x10001, call(g, "PSCI_VERSION").ret());
    }

    @Test
    void cpuOnEntryNotProtected() {
        assertEquals(INVALID_ADDRESS, call(twoRecs(), "PSCI_CPU_ON", 1, TOP, 0).ret());
    }

    @Test
    void cpuOnEntryCheckedBeforeTarget() {
        // both wrong: the entry point is checked first (6.3 order)
        assertEquals(INVALID_ADDRESS, call(twoRecs(), "PSCI_CPU_ON", 7, TOP, 0).ret());
    }

    @Test
    void cpuOnTargetIndexNotCreated() {
        assertEquals(INVALID_PARAMETERS, call(twoRecs(), "PSCI_CPU_ON", 2, 0x1000, 0).ret());
    }

    @Test
    void cpuOnSelfIsAlreadyOn() {
        assertEquals(ALREADY_ON, call(twoRecs(), "PSCI_CPU_ON", 0, 0x1000, 0).ret());
    }

    @Test
    void affinityInfoLowestLevelNotZero() {
        assertEquals(INVALID_PARAMETERS, call(twoRecs(), "PSCI_AFFINITY_INFO", 1, 1).ret());
    }

    @Test
    void affinityInfoBadTarget() {
        assertEquals(INVALID_PARAMETERS, call(twoRecs(), "PSCI_AFFINITY_INFO", 5, 0).ret());
    }

    @Test
    void affinityInfoSelfIsOnWithoutAnExit() {
        Guest g = twoRecs();
        ModelEvent.RsiCall c = call(g, "PSCI_AFFINITY_INFO", 0, 0);
        assertEquals(0, c.ret());
        assertEquals(ExitReason.IRQ, g.exit().reason(), "no PSCI exit");
    }

    @Test
    void psciFeatures() {
        Guest g = twoRecs();
        for (long fid : new long[] {0x84000001L, 0xC4000001L, 0x84000002L, 0x84000003L, CPU_ON,
                0x84000004L, AFFINITY_INFO, 0x84000008L, 0x84000009L, 0x8400000AL, 0x80000000L}) {
            assertEquals(SUCCESS, call(g, "PSCI_FEATURES", fid).ret(), Long.toHexString(fid));
        }
        assertEquals(NOT_SUPPORTED, call(g, "PSCI_FEATURES", 0x84000005L).ret());
        assertEquals(NOT_SUPPORTED, call(g, "PSCI_FEATURES", 0xC4000190L).ret());
    }

    @Test
    void otherPsciFunctionIsNotSupportedWithoutAnExit() {
        Guest g = twoRecs();
        int mark = g.mark();
        g.step(io.ccatrace.model.guest.GuestStep.call(0x84000005L));
        RecRunExit x = g.run();
        assertEquals(ExitReason.IRQ, x.reason());
        assertEquals(NOT_SUPPORTED, g.eventsSince(mark, ModelEvent.RsiCall.class).get(0).ret());
    }

    @Test
    void cpuOffMakesTheRecNotRunnable() {
        Guest g = twoRecs();
        g.call("PSCI_CPU_OFF");
        RecRunExit x = g.run();
        assertEquals(ExitReason.PSCI, x.reason());
        assertEquals(0x84000002L, x.gprs()[0]);
        assertEquals(0, x.gprs()[1]);
        assertEquals(Stage2.ERROR_REC, Fixture.status(g.enter()), "rec_runnable");
    }

    @Test
    void systemOffMakesEveryEntryFailWithRealmIndex1() {
        Guest g = twoRecs();
        g.call("PSCI_SYSTEM_RESET");
        RecRunExit x = g.run();
        assertEquals(ExitReason.PSCI, x.reason());
        assertEquals(0x84000009L, x.gprs()[0]);
        long[] r = g.enter();
        assertEquals(Stage2.ERROR_REALM, Fixture.status(r));
        assertEquals(1, Fixture.index(r));
    }

    @Test
    void cpuOnForwardsOnlyFidAndTarget() {
        Guest g = twoRecs();
        g.call("PSCI_CPU_ON", 1, 0x2000, 0x77);
        RecRunExit x = g.run();
        assertEquals(ExitReason.PSCI, x.reason());
        long[] want = new long[31];
        want[0] = CPU_ON;
        want[1] = 1;
        assertArrayEquals(want, x.gprs());
    }

    @Test
    void cpuOnOfADestroyedTargetCannotBeCompleted() {
        // 4.10: REC_DESTROY does not lower the RD's next index, so REC 1 still names a REC
        // index below the count (6.3: forwarded); PSCI_COMPLETE needs a REC granule (5 row 2)
        Guest g = new Guest();
        long rec1 = g.addRec(1, false);
        g.activate();
        Stage2.ok(g.f.rmi("RMI_REC_DESTROY", rec1), "RMI_REC_DESTROY");
        g.call("PSCI_CPU_ON", 1, 0x2000, 0);
        assertEquals(ExitReason.PSCI, g.run().reason());
        assertEquals(Stage2.ERROR_INPUT, Fixture.status(g.f.rmi("RMI_PSCI_COMPLETE", g.rec, rec1, 0)));
        // naming a REC of another realm instead: owner check (5 row 5)
        long other = g.otherRealmRec();
        assertEquals(Stage2.ERROR_INPUT, Fixture.status(g.f.rmi("RMI_PSCI_COMPLETE", g.rec, other, 0)));
        assertEquals(Stage2.ERROR_REC, Fixture.status(g.enter()), "rec_psci: still pending");
        assertTrue(g.recObject().psciPendingFid != 0);
    }
}
