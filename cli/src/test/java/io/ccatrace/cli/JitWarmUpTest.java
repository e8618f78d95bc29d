package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm-up's stopping rule and bounds (never how long the JIT takes). */
class JitWarmUpTest {
    @Test
    void aRunIsQuietBelowFivePercentOfItsWallTimeCompiling() {
        assertTrue(JitWarmUp.quiet(0, 1));
        assertTrue(JitWarmUp.quiet(4, 100_000_000L));       // 4 ms of 100 ms
        assertFalse(JitWarmUp.quiet(5, 100_000_000L));      // 5 ms of 100 ms: not below 5%
        assertFalse(JitWarmUp.quiet(300, 1_000_000_000L));
    }

    @Test
    void runsAtLeastTheMinimumAndAtMostTheMaximum() throws Exception {
        for (int[] bounds : new int[][] {{1, 1}, {3, 3}, {2, 8}, {0, 4}}) {
            AtomicInteger runs = new AtomicInteger();
            List<String> jits = JitWarmUp.run(bounds[0], bounds[1], runs::incrementAndGet);
            assertEquals(runs.get(), jits.size());
            assertTrue(runs.get() >= Math.max(1, bounds[0]) && runs.get() <= bounds[1], runs + " runs for " + bounds[0] + ".." + bounds[1]);
            for (String j : jits) assertTrue(j.equals("?") || j.matches("[0-9]+\\.[0-9]{2}"), j);
        }
    }

    @Test
    void noRunWhenTheMaximumIsZero() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        assertEquals(List.of(), JitWarmUp.run(0, 0, runs::incrementAndGet));
        assertEquals(0, runs.get());
    }

    @Test
    void aFailingRunStopsTheWarmUp() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JitWarmUp.run(3, 5, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("bad trace");
        }));
        assertEquals("bad trace", e.getMessage());
        assertEquals(1, runs.get());
    }
}
