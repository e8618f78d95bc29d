package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/** RSI_HOST_CALL round trip (reference 6.2, 9.5, 4.22 step 6). */
class HostCallTest {
    static final long BUF = 0x20000;
    static final long RSI_SUCCESS = 0, RSI_ERROR_INPUT = 1;

    @Test
    void roundTripThroughTheRsiHostCallStructure() {
        Guest g = new Guest();
        long data = g.ram(BUF);
        g.activate();
        PhysicalMemory m = g.f.machine.memory();
        g.step(GuestStep.hostCall(0x1234, BUF + 0x100));
        RecRunExit x = g.run();
        assertEquals(ExitReason.HOST_CALL, x.reason());
        assertEquals(0x1234, x.imm());
        assertEquals(0x1234, g.last(ModelEvent.RecExit.class).imm());
        long[] answer = new long[31];
        for (int i = 0; i < 31; i++) answer[i] = 0x100 + i;
        g.runRec(g.rec, new RecRunEnter(0, answer, 0, new long[16]));
        for (int i = 0; i < 31; i++) {
            assertEquals(0x100 + i, m.readLong(data + 0x100 + 8 + 8L * i), "RsiHostCall.gprs[" + i + "]");
        }
        ModelEvent.RsiCall c = g.last(ModelEvent.RsiCall.class);
        assertEquals("RSI_HOST_CALL", c.cmd());
        assertArrayEquals(new long[] {BUF + 0x100}, c.args());
        assertEquals(RSI_SUCCESS, c.ret());
        assertEquals(1, g.events(ModelEvent.RsiCall.class).size());
    }

    @Test
    void exitCarriesTheStructuresGprs() {
        Guest g = new Guest();
        byte[] page = new byte[4096];
        page[0] = 7;                                  // imm
        page[8] = 0x55;                               // gprs[0]
        page[8 + 8 * 30] = 0x66;                      // gprs[30]
        g.ramWith(BUF, page);
        g.activate();
        g.call("RSI_HOST_CALL", BUF);
        RecRunExit x = g.run();
        assertEquals(7, x.imm());
        assertEquals(0x55, x.gprs()[0]);
        assertEquals(0x66, x.gprs()[30]);
    }

    static long status(Guest g, long ipa) {
        g.call("RSI_HOST_CALL", ipa);
        assertEquals(ExitReason.IRQ, g.run().reason());
        return g.last(ModelEvent.RsiCall.class).ret();
    }

    @Test
    void addrAlign() {
        Guest g = new Guest();
        g.ram(BUF);
        g.activate();
        assertEquals(RSI_ERROR_INPUT, status(g, BUF + 0x80));
    }

    @Test
    void addrBound() {
        Guest g = new Guest().activate();
        assertEquals(RSI_ERROR_INPUT, status(g, g.protectedTop() + BUF));
    }

    @Test
    void bufferRipasEmpty() {
        Guest g = new Guest();
        g.assignedEmpty(BUF);
        g.activate();
        assertEquals(RSI_ERROR_INPUT, status(g, BUF));
    }

    @Test
    void unmappedBufferExitsAsADataAbortAndTheCallIsReissued() {
        Guest g = new Guest();
        g.unassignedRam(BUF);
        g.activate();
        g.call("RSI_HOST_CALL", BUF + 0x200);
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(0x90000000L | 0x07, x.esr(), "synthetic data abort, translation fault L3 (8.3)");
        assertEquals((BUF + 0x200) >> 8, x.hpfar());
        assertEquals(0, g.events(ModelEvent.RsiCall.class).size());
        g.s2.data(BUF);
        assertEquals(ExitReason.HOST_CALL, g.run().reason(), "the SMC was re-issued");
    }

    @Test
    void pageUnmappedBeforeCompletionExitsWithoutRunning() {
        Guest g = new Guest();
        g.ram(BUF);
        g.activate();
        g.step(GuestStep.hostCall(1, BUF)).step(GuestStep.of(GuestStep.Op.FIQ));
        g.run();
        Stage2.ok(g.f.rmi("RMI_DATA_DESTROY", g.rd, BUF), "DATA_DESTROY");   // now DESTROYED
        int mark = g.mark();
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(0x90000000L | 0x07, x.esr());
        assertEquals("NO_PROGRESS", g.eventsSince(mark, ModelEvent.Stage2Fault.class).get(0).outcome());
        assertEquals(0, g.events(ModelEvent.RsiCall.class).size(), "still pending");
        assertEquals(2, g.queued());
    }
}
