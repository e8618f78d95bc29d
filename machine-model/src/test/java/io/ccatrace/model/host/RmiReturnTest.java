package io.ccatrace.model.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the host keeps of an SMC's x0..xN (reference 1.2). */
class RmiReturnTest {
    @Test
    void onlyX0GivesNoOutputs() {
        RmiReturn r = RmiReturn.of(new long[] {0});
        assertTrue(r.ok());
        assertEquals(0, r.out().length);
        assertEquals(0, r.out(0), "a missing output reads as 0");
    }

    @Test
    void outputsAreX1OnwardsAndIndexIsBits8To15() {
        long[] regs = {4 | 3 << 8, 0x1000, 0x2000};
        RmiReturn r = RmiReturn.of(regs);
        assertTrue(r.rttError());
        assertEquals(3, r.index());
        assertArrayEquals(new long[] {0x1000, 0x2000}, r.out());
        regs[1] = 99;
        assertEquals(0x1000, r.out(0), "a copy of the registers");
        assertEquals(0, r.out(2));
    }

    @Test
    void smcUnknownHasStatusMinusOne() {
        assertEquals(-1, RmiReturn.of(new long[] {-1}).status());
    }
}
