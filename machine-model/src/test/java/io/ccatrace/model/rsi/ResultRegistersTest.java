package io.ccatrace.model.rsi;

import static io.ccatrace.model.rsi.RsiCalls.SUCCESS;
import static io.ccatrace.model.rsi.RsiCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.Guest;
import org.junit.jupiter.api.Test;

/**
 * The realm's registers after an RSI call returns to it (reference 1.1: x0..x3 from the
 * result, unused ones 0; x4..x30 kept unless the command outputs there).
 */
class ResultRegistersTest {
    /** An active realm whose REC 0 holds 0x100 + i in every xi, i >= 1. */
    private static Guest dirty() {
        Guest g = new Guest().activate();
        Rec r = g.recObject();
        for (int i = 1; i < 31; i++) r.gprs[i] = 0x100 + i;
        return g;
    }

    @Test
    void aCallWithNoOutputsZeroesX1ToX3() {
        Guest g = dirty();
        ModelEvent.RsiCall c = call(g, "RSI_MEASUREMENT_EXTEND", 1, 8, 0x1122);
        assertEquals(SUCCESS, c.ret());
        long[] x = g.recObject().gprs;
        assertEquals(SUCCESS, x[0]);
        for (int i = 1; i <= 3; i++) assertEquals(0, x[i], "x" + i);
        for (int i = 4; i < 31; i++) assertEquals(0x100 + i, x[i], "x" + i + " kept");
    }

    @Test
    void aCallWithTwoOutputsSetsX1X2AndZeroesX3() {
        Guest g = dirty();
        ModelEvent.RsiCall c = call(g, "RSI_VERSION", 0x10000);
        long[] x = g.recObject().gprs;
        assertEquals(c.out()[0], x[1]);
        assertEquals(c.out()[1], x[2]);
        assertEquals(0x10000, x[1], "lower revision");
        assertEquals(0, x[3]);
        for (int i = 4; i < 31; i++) assertEquals(0x100 + i, x[i], "x" + i + " kept");
    }

    @Test
    void measurementReadWritesX1ToX8AndKeepsTheRest() {
        Guest g = dirty();
        ModelEvent.RsiCall c = call(g, "RSI_MEASUREMENT_READ", 1);   // REM 1: all zero bytes
        assertEquals(SUCCESS, c.ret());
        long[] x = g.recObject().gprs;
        for (int i = 1; i <= 8; i++) assertEquals(0, x[i], "x" + i + " (REM 1 is zero before any extend)");
        for (int i = 9; i < 31; i++) assertEquals(0x100 + i, x[i], "x" + i + " kept");
    }
}
