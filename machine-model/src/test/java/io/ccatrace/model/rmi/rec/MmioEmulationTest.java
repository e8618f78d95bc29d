package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import org.junit.jupiter.api.Test;

/** MMIO emulation round trips at an Unprotected UNASSIGNED_NS IPA (reference 13.2, 2.4, 4.22). */
class MmioEmulationTest {
    static final long DEVICE = (1L << 39) + 0x9000;

    @Test
    void emulatedReadGetsEnterGpr0MaskedToTheAccessSize() {
        Guest g = new Guest().activate();
        g.step(new GuestStep(GuestStep.Op.READ, 0, null, DEVICE + 4, 0, 4, true));
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(4, x.far());
        assertEquals(DEVICE >> 8, x.hpfar(), "IPA page = (hpfar & FIPA) << 8");
        RecRunExit next = g.run(RecRunEnter.EMUL_MMIO, 0xFFFF_1234_5678_9ABCL);
        assertEquals(0x5678_9ABCL, g.recObject().gprs[0], "Rt := enter.gprs[0] masked to 4 bytes");
        assertEquals(ExitReason.IRQ, next.reason(), "the load completed (PC += 4); nothing left");
        assertEquals(0, g.queued());
    }

    @Test
    void emulatedWriteExposesTheDataAndCompletes() {
        Guest g = new Guest().activate();
        g.step(new GuestStep(GuestStep.Op.WRITE, 0, null, DEVICE, 0xAB, 1, true));
        g.step(GuestStep.read(DEVICE + 8));
        RecRunExit x = g.run();
        assertEquals(0xAB, x.gprs()[0]);
        assertEquals(1L << 6, x.esr() & (1L << 6), "WnR");
        // completing the write runs the next step: another emulatable abort
        RecRunExit next = g.run(RecRunEnter.EMUL_MMIO, 0);
        assertEquals(ExitReason.SYNC, next.reason());
        assertEquals(8, next.far());
        assertEquals(0, next.esr() & (1L << 6), "a read");
    }

    @Test
    void reenteringWithoutFlagsRetriesTheAccess() {
        Guest g = new Guest().activate();
        g.step(GuestStep.read(DEVICE));
        g.run();
        int mark = g.mark();
        RecRunExit again = g.run();
        assertEquals(ExitReason.SYNC, again.reason());
        assertEquals(1, g.eventsSince(mark, ModelEvent.Stage2Fault.class).size(), "faulted again");
        assertEquals(1, g.queued());
    }

    @Test
    void hostInjectedSeaConsumesTheAccess() {
        Guest g = new Guest().activate();
        g.step(GuestStep.read(DEVICE)).step(GuestStep.of(GuestStep.Op.FIQ));
        g.run();
        RecRunExit next = g.run(RecRunEnter.INJECT_SEA, 0);
        assertEquals(ExitReason.FIQ, next.reason(), "the next step ran after the SEA handler");
    }

    @Test
    void hostCanMapThePageAndRetry() {
        Guest g = new Guest();
        long ns = g.s2.realms.ns();
        g.tablesFor(DEVICE);
        g.activate();
        g.f.machine.nsWrite(0, ns, new byte[] {0x2A});
        g.step(GuestStep.read(DEVICE));
        assertEquals(ExitReason.SYNC, g.run().reason());
        g.s2.map(DEVICE, 3, ns | (3L << 6) | (0b110 << 2));
        assertEquals(ExitReason.IRQ, g.run().reason());
        assertEquals(0x2A, g.recObject().gprs[0]);
    }
}
