package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Guest;
import org.junit.jupiter.api.Test;

/**
 * One test per row of the stage-2 fault table (reference 8.2) with the exit fields of 8.3.
 * Realm: IPA width 40, so Protected = [0, 2^39), Unprotected = [2^39, 2^40).
 */
class Stage2FaultTest {
    static final long PAGE = 0x10000;
    static final int ERROR_REC = 3;
    static final long NS_HALF = 1L << 39;
    /** ESR_EL2 pieces (Arm ARM D17.2.40, reference 8.3). */
    static final long EC_DABT = 0x24L << 26, EC_IABT = 0x20L << 26, IL = 1L << 25, ISV = 1L << 24,
            SF = 1L << 15, WNR = 1L << 6;

    static long sas(int size) {
        return (long) Integer.numberOfTrailingZeros(size) << 22;
    }

    static GuestStep read(long ipa, int size, boolean isv) {
        return new GuestStep(GuestStep.Op.READ, 0, null, ipa, 0, size, isv);
    }

    static GuestStep write(long ipa, long v, int size, boolean isv) {
        return new GuestStep(GuestStep.Op.WRITE, 0, null, ipa, v, size, isv);
    }

    static ModelEvent.Stage2Fault onlyFault(Guest g, int mark) {
        var l = g.eventsSince(mark, ModelEvent.Stage2Fault.class);
        assertEquals(1, l.size(), "one STAGE2_FAULT");
        return l.get(0);
    }

    @Test
    void protectedAssignedRamReadsAndWritesTheDataGranule() {
        Guest g = new Guest();
        byte[] content = new byte[4096];
        for (int i = 0; i < 16; i++) content[i] = (byte) (0x11 * (i + 1));
        long data = g.ramWith(PAGE, content);
        g.activate();
        g.step(GuestStep.read(PAGE + 8));
        int mark = g.mark();
        RecRunExit x = g.run();
        assertEquals(ExitReason.IRQ, x.reason(), "no fault exit: the queue ran dry");
        // bytes 8..15 are 0x99, 0xAA, ..., 0xFF, 0x10: an 8-byte little-endian load
        assertEquals(0x10FFEEDDCCBBAA99L, g.recObject().gprs[0]);
        assertTrue(g.eventsSince(mark, ModelEvent.Stage2Fault.class).isEmpty());
        g.step(write(PAGE + 0x20, 0xCAFEF00DL, 4, true));
        g.run();
        assertArrayEquals(new byte[] {0x0D, (byte) 0xF0, (byte) 0xFE, (byte) 0xCA},
                g.f.machine.memory().read(data + 0x20, 4), "the store reached the DATA granule");
    }

    @Test
    void protectedAssignedEmptyInjectsSea() {
        Guest g = new Guest();
        g.assignedEmpty(PAGE);
        g.activate();
        g.step(GuestStep.read(PAGE)).step(GuestStep.hvc(0));
        int mark = g.mark();
        RecRunExit x = g.run();
        assertEquals(ExitReason.IRQ, x.reason(), "no exit for the SEA; the next step ran");
        ModelEvent.Stage2Fault f = onlyFault(g, mark);
        assertEquals("SEA_INJECTED", f.outcome());
        assertEquals("PROTECTED", f.half());
        assertEquals("EMPTY", f.ripas());
        assertEquals("ASSIGNED", f.hipas());
        assertEquals(PAGE, f.ipa());
        assertEquals(0, g.queued(), "consumed");
    }

    @Test
    void protectedUnassignedEmptyInjectsSea() {
        Guest g = new Guest().activate();               // starting-table entries: UNASSIGNED EMPTY
        g.step(GuestStep.exec(PAGE));
        int mark = g.mark();
        assertEquals(ExitReason.IRQ, g.run().reason());
        ModelEvent.Stage2Fault f = onlyFault(g, mark);
        assertEquals("SEA_INJECTED", f.outcome());
        assertEquals("EXEC", f.access());
        assertEquals("UNASSIGNED", f.hipas());
    }

    @Test
    void protectedUnassignedRamExitsNonEmulatableAndRetries() {
        Guest g = new Guest();
        g.unassignedRam(PAGE);
        g.activate();
        g.step(write(PAGE + 0x18, 0x77, 8, true));
        int mark = g.mark();
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        // non-emulatable: EC, SET, FnV, EA, DFSC only (no ISV/SAS/WnR); translation fault L3
        assertEquals(EC_DABT | 0x07, x.esr());
        assertEquals(0, x.far());
        assertEquals(PAGE >> 8, x.hpfar());
        assertEquals(0, x.gprs()[0]);
        ModelEvent.Stage2Fault f = onlyFault(g, mark);
        assertEquals("EXIT_TO_HOST", f.outcome());
        assertEquals("RAM", f.ripas());
        assertEquals(1, g.queued(), "retried on the next entry");
        // the host backs the page; the store is retried and lands
        long data = g.s2.data(PAGE);
        assertEquals(ExitReason.IRQ, g.run().reason());
        assertEquals(0x77, g.f.machine.memory().readLong(data + 0x18));
        assertEquals(0, g.queued());
    }

    @Test
    void protectedDestroyedExitsWithNoProgress() {
        Guest g = new Guest();
        g.destroyed(PAGE);
        g.activate();
        g.step(GuestStep.read(PAGE));
        int mark = g.mark();
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(EC_DABT | 0x07, x.esr());
        assertEquals(PAGE >> 8, x.hpfar());
        ModelEvent.Stage2Fault f = onlyFault(g, mark);
        assertEquals("NO_PROGRESS", f.outcome());
        assertEquals("DESTROYED", f.ripas());
        // re-entering just faults again
        mark = g.mark();
        assertEquals(ExitReason.SYNC, g.run().reason());
        assertEquals("NO_PROGRESS", onlyFault(g, mark).outcome());
        assertEquals(ERROR_REC, Fixture.status(g.enter(RecRunEnter.INJECT_SEA)),
                "a Protected abort cannot be answered with INJECT_SEA");
    }

    @Test
    void protectedInstructionFetchFromUnassignedRamIsAnInstructionAbort() {
        Guest g = new Guest();
        g.unassignedRam(PAGE);
        g.activate();
        g.step(GuestStep.exec(PAGE + 0x40));
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(EC_IABT | 0x07, x.esr());
        assertEquals(0, x.far());
        assertEquals(PAGE >> 8, x.hpfar());
    }

    @Test
    void unprotectedUnassignedNsEmulatableWrite() {
        Guest g = new Guest().activate();
        long ipa = NS_HALF + 0x3000 + 0x24;
        g.step(write(ipa, 0x1_2345_6789L, 4, true));
        int mark = g.mark();
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        // emulatable: EC, ISV, SAS, SF, WnR, DFSC (translation fault at level 1, where the walk stopped)
        assertEquals(EC_DABT | ISV | sas(4) | WNR | 0x05, x.esr());
        assertEquals(0x24, x.far(), "page offset only");
        assertEquals((ipa >> 12) << 4, x.hpfar());
        assertEquals(0x2345_6789L, x.gprs()[0], "write data masked to the access size");
        ModelEvent.Stage2Fault f = onlyFault(g, mark);
        assertEquals("UNPROTECTED", f.half());
        assertEquals("UNASSIGNED_NS", f.hipas());
        assertNull(f.ripas());
        assertEquals("EXIT_TO_HOST", f.outcome());
    }

    @Test
    void unprotectedUnassignedNsEmulatableRead() {
        Guest g = new Guest().activate();
        g.step(GuestStep.read(NS_HALF + 0x3000));
        RecRunExit x = g.run();
        assertEquals(EC_DABT | ISV | sas(8) | SF | 0x05, x.esr());
        assertEquals(0, x.gprs()[0], "reads expose no data");
    }

    @Test
    void unprotectedWithoutIsvIsNotEmulatable() {
        Guest g = new Guest().activate();
        g.step(write(NS_HALF + 0x3010, 5, 8, false));
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        // non-emulatable at an Unprotected IPA: EC, SET, FnV, EA, DFSC and IL (spec A4.3.4.3)
        assertEquals(EC_DABT | IL | 0x05, x.esr());
        assertEquals(0, x.far());
        assertEquals(0, x.gprs()[0]);
        assertEquals(ERROR_REC, Fixture.status(g.enter(RecRunEnter.EMUL_MMIO)));
    }

    @Test
    void unprotectedAssignedNsReachesTheNsPage() {
        Guest g = new Guest();
        long nsPage = g.s2.realms.ns();
        g.mapNs(NS_HALF + 0x5000, nsPage, 3);
        g.activate();
        g.f.machine.nsWrite(0, nsPage + 0x10, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        g.step(GuestStep.read(NS_HALF + 0x5010));
        int mark = g.mark();
        assertEquals(ExitReason.IRQ, g.run().reason());
        assertEquals(0x0807060504030201L, g.recObject().gprs[0]);
        g.step(write(NS_HALF + 0x5100, 0xBEEF, 2, true));
        assertEquals(ExitReason.IRQ, g.run().reason());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBE}, g.f.machine.nsRead(0, nsPage + 0x100, 2));
        assertTrue(g.eventsSince(mark, ModelEvent.Stage2Fault.class).isEmpty());
    }

    @Test
    void unprotectedAssignedNsToRealmMemoryIsAGranuleProtectionFault() {
        Guest g = new Guest();
        long realmPage = g.s2.realms.delegated();
        g.mapNs(NS_HALF + 0x5000, realmPage, 3);
        g.activate();
        g.step(GuestStep.read(NS_HALF + 0x5000));
        int mark = g.mark();
        RecRunExit x = g.run();
        var gpfs = g.eventsSince(mark, ModelEvent.Gpf.class);
        assertEquals(1, gpfs.size());
        assertEquals(realmPage, gpfs.get(0).pa());
        assertEquals("REALM", gpfs.get(0).pas());
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(EC_DABT | IL | 0x28, x.esr(), "GPF fault status, not emulatable, at an Unprotected IPA");
        assertEquals(1, g.queued());
        assertEquals(0, Fixture.status(g.enter(RecRunEnter.INJECT_SEA)), "an Unprotected abort: SEA legal");
        assertEquals(0, g.queued());
    }

    /** A read-only ASSIGNED_NS page (S2AP 01) at NS_HALF + 0x5000, realm ACTIVE. */
    private static Guest readOnlyNsPage() {
        Guest g = new Guest();
        g.mapNs(NS_HALF + 0x5000, g.s2.realms.ns(), 1);
        return g.activate();
    }

    @Test
    void unprotectedAssignedNsPermissionFaultWithIsvIsEmulatable() {
        // spec A4.3.4.3: "an Unprotected IPA whose HIPAS is ASSIGNED_NS, where the access caused
        // a stage 2 permission fault and caused ESR_EL2.ISS.ISV to be set to '1'" is emulatable
        Guest g = readOnlyNsPage();
        g.step(write(NS_HALF + 0x5008, 0x1_0000_0009L, 4, true));
        int mark = g.mark();
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(EC_DABT | ISV | sas(4) | WNR | 0x0F, x.esr(), "permission fault L3, emulatable fields");
        assertEquals(0x008, x.far(), "page offset");
        assertEquals(((NS_HALF + 0x5000) >> 12) << 4, x.hpfar());
        assertEquals(9, x.gprs()[0], "write data masked to 4 bytes");
        assertEquals("EXIT_TO_HOST", onlyFault(g, mark).outcome());
        assertEquals(0, Fixture.status(g.enter(RecRunEnter.EMUL_MMIO)), "the host emulated the write");
        assertEquals(0, g.queued(), "PC advanced past the store");
    }

    @Test
    void unprotectedAssignedNsPermissionFaultWithoutIsvIsNotEmulatable() {
        Guest g = readOnlyNsPage();
        g.step(write(NS_HALF + 0x5008, 9, 8, false));
        RecRunExit x = g.run();
        assertEquals(EC_DABT | IL | 0x0F, x.esr(), "non-emulatable at an Unprotected IPA (A4.3.4.3)");
        assertEquals(0, x.far());
        assertEquals(0, x.gprs()[0]);
        assertEquals(ERROR_REC, Fixture.status(g.enter(RecRunEnter.EMUL_MMIO)));
        assertEquals(0, Fixture.status(g.enter(RecRunEnter.INJECT_SEA)), "an Unprotected abort: SEA legal");
    }

    @Test
    void unprotectedInstructionFetchInjectsSea() {
        Guest g = new Guest();
        long nsPage = g.s2.realms.ns();
        g.mapNs(NS_HALF + 0x5000, nsPage, 3);
        g.activate();
        g.step(GuestStep.exec(NS_HALF + 0x5000)).step(GuestStep.exec(NS_HALF + 0x9000));
        int mark = g.mark();
        assertEquals(ExitReason.IRQ, g.run().reason());
        var faults = g.eventsSince(mark, ModelEvent.Stage2Fault.class);
        assertEquals(2, faults.size());
        for (var f : faults) {
            assertEquals("SEA_INJECTED", f.outcome());
            assertEquals("UNPROTECTED", f.half());
        }
        assertEquals("ASSIGNED_NS", faults.get(0).hipas());
        assertEquals("UNASSIGNED_NS", faults.get(1).hipas());
    }

    @Test
    void ipaBeyondTheRealmInjectsSea() {
        Guest g = new Guest().activate();
        g.step(GuestStep.read(1L << 40));
        int mark = g.mark();
        assertEquals(ExitReason.IRQ, g.run().reason());
        assertEquals("SEA_INJECTED", onlyFault(g, mark).outcome());
    }
}
