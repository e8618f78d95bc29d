package io.ccatrace.model.rmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RMI results as the host sees them (reference 1.2: x0 = status | index << 8, x1.. outputs). */
class RmiResultTest {
    @Test
    void resultsWithoutOutputsCarryTheStatusIndexZeroAndNoOutputs() {
        for (RmiStatus s : RmiStatus.values()) {
            RmiResult r = RmiResult.error(s);
            assertEquals(new RmiResult(s, 0, new long[0]).status(), r.status());
            assertEquals(0, r.index());
            assertEquals(0, r.out().length);
            assertEquals(s.code(), r.x0());
        }
        RmiResult ok = RmiResult.success();
        assertTrue(ok.ok());
        assertEquals(0, ok.x0());
        assertEquals(0, ok.out().length);
        assertEquals(RmiStatus.RMI_ERROR_INPUT, RmiResult.input().status());
    }

    @Test
    void outputsAndRttLevelAreKept() {
        RmiResult r = RmiResult.success(7, 8);
        assertArrayEquals(new long[] {7, 8}, r.out());
        RmiResult rtt = RmiResult.rtt(2, 9);
        assertEquals(4 | 2 << 8, rtt.x0());
        assertArrayEquals(new long[] {9}, rtt.out());
    }
}
