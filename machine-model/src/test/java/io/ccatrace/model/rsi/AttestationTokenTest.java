package io.ccatrace.model.rsi;

import static io.ccatrace.model.rsi.RsiCalls.ERROR_INPUT;
import static io.ccatrace.model.rsi.RsiCalls.ERROR_STATE;
import static io.ccatrace.model.rsi.RsiCalls.INCOMPLETE;
import static io.ccatrace.model.rsi.RsiCalls.PAGE;
import static io.ccatrace.model.rsi.RsiCalls.SUCCESS;
import static io.ccatrace.model.rsi.RsiCalls.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/**
 * RSI_ATTESTATION_TOKEN_INIT / _CONTINUE, reference 6.2 (TOKEN_CONTINUE table, rows in
 * order: input checks, addr_bound, state, buffer rule of 6.1, size 0).
 */
class AttestationTokenTest {
    static final long TOP = 1L << 39;

    private static Guest withBuffer() {
        Guest g = new Guest();
        g.ram(PAGE);
        g.activate();
        return g;
    }

    private static long init(Guest g) {
        ModelEvent.RsiCall c = call(g, "RSI_ATTESTATION_TOKEN_INIT", 1, 2, 3, 4, 5, 6, 7, 8);
        assertEquals(SUCCESS, c.ret());
        return c.out()[0];
    }

    @Test
    void initReturnsTheSizeBound() {
        assertEquals(4096, init(withBuffer()), "TF-RMM: one 4 KiB token buffer");
    }

    @Test
    void continueAddrAlignBeatsState() {
        // row 1 (ERROR_INPUT) before row 3 (ERROR_STATE): no INIT was made
        assertEquals(ERROR_INPUT, call(withBuffer(), "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE + 8, 0, 64).ret());
    }

    @Test
    void continueOffsetBound() {
        Guest g = withBuffer();
        init(g);
        assertEquals(ERROR_INPUT, call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 4096, 0).ret());
    }

    @Test
    void continueSizeBound() {
        Guest g = withBuffer();
        init(g);
        assertEquals(ERROR_INPUT, call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 4000, 97).ret());
    }

    @Test
    void continueSizeOverflow() {
        Guest g = withBuffer();
        init(g);
        assertEquals(ERROR_INPUT, call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 8, -4L).ret());
    }

    @Test
    void continueAddrBoundBeatsState() {
        assertEquals(ERROR_INPUT, call(withBuffer(), "RSI_ATTESTATION_TOKEN_CONTINUE", TOP, 0, 64).ret());
    }

    @Test
    void continueWithoutInitIsErrorState() {
        assertEquals(ERROR_STATE, call(withBuffer(), "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 64).ret());
    }

    @Test
    void stateBeatsTheBufferRule() {
        // row 3 before row 5: the buffer is RIPAS EMPTY, but no INIT was made
        Guest g = new Guest();
        g.activate();
        assertEquals(ERROR_STATE, call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 64).ret());
    }

    @Test
    void bufferRipasEmptyIsErrorInput() {
        Guest g = new Guest();
        g.activate();
        init(g);
        assertEquals(ERROR_INPUT, call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 64).ret());
    }

    @Test
    void bufferUnassignedRamExitsAsADataAbortAndTheCallIsReissued() {
        Guest g = new Guest();
        g.unassignedRam(PAGE);
        g.activate();
        init(g);
        int mark = g.mark();
        g.call("RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 64);
        RecRunExit x = g.run();
        // 6.1 / 8.3: synthetic data abort, EC 0x24, DFSC translation fault at level 3
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(0x90000000L | 0x07, x.esr());
        assertEquals(PAGE >>> 8, x.hpfar());
        assertTrue(g.eventsSince(mark, ModelEvent.RsiCall.class).isEmpty(), "the call did not complete");
        Stage2.ok(g.f.rmi("RMI_DATA_CREATE_UNKNOWN", g.rd, g.s2.realms.delegated(), PAGE),
                "RMI_DATA_CREATE_UNKNOWN");
        g.run();
        ModelEvent.RsiCall c = g.last(ModelEvent.RsiCall.class);
        assertEquals("RSI_ATTESTATION_TOKEN_CONTINUE", c.cmd());
        assertEquals(INCOMPLETE, c.ret(), "64 bytes of a longer token");
        assertArrayEquals(new long[] {64}, c.out());
    }

    @Test
    void sizeZeroIsIncompleteWithNothingWritten() {
        Guest g = withBuffer();
        init(g);
        ModelEvent.RsiCall c = call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 0);
        assertEquals(INCOMPLETE, c.ret());
        assertArrayEquals(new long[] {0}, c.out());
    }

    @Test
    void chunksAddUpToATokenWithinTheBoundThenTheOperationEnds() {
        Guest g = withBuffer();
        long bound = init(g);
        long total = 0;
        long ret = INCOMPLETE;
        int calls = 0;
        while (ret == INCOMPLETE) {
            ModelEvent.RsiCall c = call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, total, 256);
            ret = c.ret();
            assertTrue(c.out()[0] > 0 && c.out()[0] <= 256);
            total += c.out()[0];
            assertTrue(++calls < 64);
        }
        assertEquals(SUCCESS, ret);
        assertTrue(total > 0 && total <= bound, "token size " + total + " within " + bound);
        // the operation is over: a further CONTINUE has no token in progress
        assertEquals(ERROR_STATE, call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 64).ret());
    }
}
