package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Guest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_REC_ENTER failure conditions in reference 4.22 order (each with every earlier
 * condition false), and the RecRun contract of 9.3.
 */
class RecEnterTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1, ERROR_REALM = 2, ERROR_REC = 3;
    /** An unprotected IPA with an UNASSIGNED_NS entry in the starting table. */
    static final long MMIO = (1L << 39) + 0x1000;

    static long x0(int status, int index) {
        return status | ((long) index << 8);
    }

    @Test
    void runAlign() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rec, g.run + 8)));
    }

    @Test
    void runBound() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rec, 0x1000)));
    }

    @Test
    void runGranuleNotUndelegated() {
        Guest g = new Guest().activate();
        long delegated = g.s2.realms.delegated();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rec, delegated)));
    }

    @Test
    void runPtrProblemWinsOverRealmNew() {
        // ACS priority: run_ptr checks come before realm_new
        Guest g = new Guest();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rec, g.run + 8)));
    }

    @Test
    void recAlign() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rec + 8, g.run)));
    }

    @Test
    void recBound() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", 0x2000, g.run)));
    }

    @Test
    void recGranuleState() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rd, g.run)));
    }

    @Test
    void runPasReadFaultsOnSecureMemory() {
        long secure = 0x1_0000_0000L;
        MachineConfig c = MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(secure, 1L << 20, Pas.SECURE)));
        Guest g = new Guest(c).activate();
        int mark = g.mark();
        assertEquals(ERROR_INPUT, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rec, secure)));
        assertEquals(1, g.eventsSince(mark, ModelEvent.Gpf.class).size(), "the RMM's read took a GPF");
    }

    @Test
    void realmNew() {
        Guest g = new Guest();
        assertEquals(x0(ERROR_REALM, 0), g.enter()[0]);
    }

    @Test
    void realmSystemOff() {
        Guest g = new Guest();
        long rec1 = g.addRec(1, true);
        g.activate();
        g.call("PSCI_SYSTEM_OFF");
        assertEquals(ExitReason.PSCI, g.run().reason());
        assertEquals(x0(ERROR_REALM, 1), g.enter()[0], "reference 1.2: ERROR_REALM index 1 = 0x102");
        assertEquals(x0(ERROR_REALM, 1), g.enter(rec1, RecRunEnter.of(0, 0))[0], "no REC of the realm runs");
    }

    @Test
    void recNotRunnable() {
        Guest g = new Guest();
        long rec1 = g.addRec(1, false);
        g.activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(rec1, RecRunEnter.of(0, 0))));
    }

    @Test
    void recPsciPending() {
        Guest g = new Guest();
        g.addRec(1, false);
        g.activate();
        g.call("PSCI_CPU_ON", 1, 0x8000, 0);
        assertEquals(ExitReason.PSCI, g.run().reason());
        assertEquals(ERROR_REC, Fixture.status(g.enter()), "PSCI_COMPLETE first (reference 4.22 rec_psci)");
    }

    static RecRunEnter gic(long hcr, long... lrs) {
        return new RecRunEnter(0, new long[31], hcr, lrs);
    }

    static final long LR_PENDING = 1L << 62;

    @Test
    void recGicv3HcrBitOutsideMask() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(1))), "En (bit 0) is not the host's");
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(1L << 8))));
    }

    @Test
    void recGicv3LrHardwareBit() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(0, LR_PENDING | 1L << 61 | 40))));
    }

    @Test
    void recGicv3LrPriorityRes0() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(0, LR_PENDING | 1L << 48 | 40))));
    }

    @Test
    void recGicv3LrPintidBits() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(0, LR_PENDING | 1L << 32 | 40))));
    }

    @Test
    void recGicv3LrInvalidVintid() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(0, LR_PENDING | 1020))));
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(0, LR_PENDING | 5000))));
    }

    @Test
    void recGicv3DuplicateVintid() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(g.rec, gic(0, LR_PENDING | 40, LR_PENDING | 40))));
    }

    @Test
    void validGicStateIsAcceptedAndReportedBack() {
        Guest g = new Guest().activate();
        long lr = LR_PENDING | 0xA0L << 48 | 1L << 41 | 8192;   // priority 0xA0, EOI, an LPI
        RecRunExit x = g.runRec(g.rec, gic(0x40FE, lr, 0, LR_PENDING | 27));
        assertEquals(0x40FE, x.gicv3Hcr());
        assertEquals(lr, x.gicv3Lrs()[0]);
        assertEquals(LR_PENDING | 27, x.gicv3Lrs()[2]);
    }

    @Test
    void injectSeaWithoutAbort() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(RecRunEnter.INJECT_SEA)));
    }

    @Test
    void injectSeaAfterProtectedAbort() {
        Guest g = new Guest();
        g.unassignedRam(0x10000);
        g.activate();
        g.step(GuestStep.read(0x10000));
        assertEquals(ExitReason.SYNC, g.run().reason());
        assertEquals(ERROR_REC, Fixture.status(g.enter(RecRunEnter.INJECT_SEA)),
                "INJECT_SEA only after a data abort at an Unprotected IPA (4.22)");
    }

    @Test
    void emulMmioWithoutAbort() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_REC, Fixture.status(g.enter(RecRunEnter.EMUL_MMIO)));
    }

    @Test
    void emulMmioAfterNonEmulatableAbort() {
        Guest g = new Guest().activate();
        g.step(new GuestStep(GuestStep.Op.READ, 0, null, MMIO, 0, 8, false));   // ISV = 0
        assertEquals(ExitReason.SYNC, g.run().reason());
        assertEquals(ERROR_REC, Fixture.status(g.enter(RecRunEnter.EMUL_MMIO)));
    }

    @Test
    void emulMmioIgnoredWhenInjectSeaIsSet() {
        Guest g = new Guest().activate();
        g.step(new GuestStep(GuestStep.Op.READ, 0, null, MMIO, 0, 8, false));
        g.run();
        assertEquals(SUCCESS, Fixture.status(g.enter(RecRunEnter.INJECT_SEA | RecRunEnter.EMUL_MMIO)));
        assertEquals(0, g.queued(), "the access was consumed by the injected SEA");
    }

    @Test
    void emptyQueueIdlesUntilAnIrq() {
        Guest g = new Guest().activate();
        RecRunExit x = g.run();
        assertEquals(ExitReason.IRQ, x.reason());
        assertEquals(0, x.esr());
    }

    @Test
    void exitHalfWrittenOnlyOnSuccess() {
        Guest g = new Guest();                  // realm NEW: REC_ENTER fails
        byte[] junk = new byte[4096];
        Arrays.fill(junk, (byte) 0xAB);
        g.f.machine.nsWrite(0, g.run, junk);
        g.f.rmi("RMI_REC_ENTER", g.rec, g.run);
        byte[] after = g.f.machine.nsRead(0, g.run, 4096);
        assertArrayEquals(junk, after, "reference 9.3: exit written only on SUCCESS");
    }

    @Test
    void successfulEntryZeroesTheExitHalfAndLeavesTheEnterHalf() {
        Guest g = new Guest().activate();
        byte[] page = new byte[4096];
        Arrays.fill(page, 0x800, 4096, (byte) 0xCD);     // stale exit bytes; enter half all zero
        page[0x7FF] = 0x5A;                              // a reserved enter byte
        g.f.machine.nsWrite(0, g.run, page);
        assertEquals(SUCCESS, Fixture.status(g.f.rmi("RMI_REC_ENTER", g.rec, g.run)));
        byte[] after = g.f.machine.nsRead(0, g.run, 4096);
        assertArrayEquals(Arrays.copyOf(page, 0x800), Arrays.copyOf(after, 0x800));
        byte[] exit = Arrays.copyOfRange(after, 0x800, 4096);
        assertEquals(ExitReason.IRQ.ordinal(), exit[0]);
        for (int i = 1; i < exit.length; i++) assertEquals(0, exit[i], "exit byte 0x" + Integer.toHexString(0x800 + i));
    }

    @Test
    void recStateIsRunningOnlyDuringTheEntry() {
        Guest g = new Guest().activate();
        int mark = g.mark();
        g.run();
        List<ModelEvent.RecState> st = g.eventsSince(mark, ModelEvent.RecState.class);
        assertEquals(2, st.size());
        assertEquals("RUNNABLE", st.get(0).from());
        assertEquals("RUNNING", st.get(0).to());
        assertEquals("RUNNING", st.get(1).from());
        assertEquals("RUNNABLE", st.get(1).to());
        ModelEvent.RecExit exit = g.last(ModelEvent.RecExit.class);
        assertTrue(st.get(0).seq() < exit.seq() && exit.seq() < st.get(1).seq());
        assertEquals("IRQ", exit.reason());
        assertTrue(!g.recObject().running());
    }
}
