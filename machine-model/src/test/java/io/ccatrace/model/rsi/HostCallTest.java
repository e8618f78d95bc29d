package io.ccatrace.model.rsi;

import static io.ccatrace.model.rsi.RsiCalls.ERROR_INPUT;
import static io.ccatrace.model.rsi.RsiCalls.PAGE;
import static io.ccatrace.model.rsi.RsiCalls.SUCCESS;
import static io.ccatrace.model.rsi.RsiCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import io.ccatrace.model.rmi.Stage2;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * RSI_HOST_CALL(addr), reference 6.2, 9.5 and REC_ENTER step 6 of 4.22: the RsiHostCall
 * (imm at 0, gprs[0..30] at 8) goes out in exit.imm / exit.gprs and enter.gprs come back.
 */
class HostCallTest {
    static final long TOP = 1L << 39;

    private static Guest withStruct(long imm, long gpr0, long gpr30) {
        Guest g = new Guest();
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x100, (int) imm);
        b.putLong(0x108, gpr0);
        b.putLong(0x108 + 8 * 30, gpr30);
        g.ramWith(PAGE, b.array());
        g.activate();
        return g;
    }

    @Test
    void addrNotAlignedTo256Bytes() {
        assertEquals(ERROR_INPUT, call(withStruct(0, 0, 0), "RSI_HOST_CALL", PAGE + 0x80).ret());
    }

    @Test
    void addrUnprotected() {
        assertEquals(ERROR_INPUT, call(withStruct(0, 0, 0), "RSI_HOST_CALL", TOP + 0x100).ret());
    }

    @Test
    void bufferRipasEmpty() {
        Guest g = new Guest();
        g.activate();
        assertEquals(ERROR_INPUT, call(g, "RSI_HOST_CALL", PAGE).ret());
    }

    @Test
    void exitCarriesImmAndGprsAndTheEntryWritesResultsBack() {
        Guest g = withStruct(0x1234, 0xAAAA, 0xBBBB);
        g.call("RSI_HOST_CALL", PAGE + 0x100);
        RecRunExit x = g.run();
        assertEquals(ExitReason.HOST_CALL, x.reason());
        assertEquals(0x1234, x.imm());
        assertEquals(0xAAAA, x.gprs()[0]);
        assertEquals(0xBBBB, x.gprs()[30]);
        long[] back = new long[31];
        for (int i = 0; i < 31; i++) back[i] = 0x100 + i;
        int mark = g.mark();
        g.runRec(g.rec, new RecRunEnter(0, back, 0, new long[16]));
        ModelEvent.RsiCall c = g.eventsSince(mark, ModelEvent.RsiCall.class).get(0);
        assertEquals("RSI_HOST_CALL", c.cmd());
        assertEquals(SUCCESS, c.ret());
        long data = dataPa(g);
        for (int i = 0; i < 31; i++) {
            assertEquals(0x100 + i, g.f.machine.memory().readLong(data + 0x108 + 8L * i), "gprs[" + i + "]");
        }
    }

    @Test
    void bufferDestroyedBeforeCompletionExitsWithoutRunningAndStaysPending() {
        Guest g = withStruct(7, 0, 0);
        g.call("RSI_HOST_CALL", PAGE);
        g.step(io.ccatrace.model.guest.GuestStep.of(io.ccatrace.model.guest.GuestStep.Op.FIQ));
        assertEquals(ExitReason.HOST_CALL, g.run().reason());
        // the host takes the page away: ASSIGNED RAM -> UNASSIGNED DESTROYED (4.13)
        Stage2.ok(g.f.rmi("RMI_DATA_DESTROY", g.rd, PAGE), "RMI_DATA_DESTROY");
        int mark = g.mark();
        RecRunExit x = g.run();
        // 4.22 step 6: SUCCESS, no realm run, stage-2 data abort exit at the structure
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(0x24, (int) (x.esr() >>> 26));
        assertEquals(PAGE >>> 8, x.hpfar());
        assertTrue(g.eventsSince(mark, ModelEvent.RsiCall.class).isEmpty(), "host call still pending");
        assertEquals(2, g.queued(), "the FIQ step did not run");
    }

    private static long dataPa(Guest g) {
        return g.s2.read(PAGE, 3)[2];
    }
}
