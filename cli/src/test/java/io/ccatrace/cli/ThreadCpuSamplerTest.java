package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The bench's per-thread CPU sampler: proc(5) stat lines parsed by hand, thread names grouped, a busy thread seen. */
class ThreadCpuSamplerTest {
    private static long ticks(String stat) {
        byte[] b = (stat + "trailing bytes past the length").getBytes(StandardCharsets.US_ASCII);
        return ThreadCpuSampler.ticksOf(b, stat.length());
    }

    @Test
    void utimePlusStimeAreFields14And15CountedAfterTheLastParenthesis() {
        // fields: pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime ...
        assertEquals(123 + 45, ticks("4242 (java) S 1 4242 4242 0 -1 4194560 100 0 0 0 123 45 0 0 20 0 30 0 7 0\n"));
        assertEquals(7 + 8, ticks("77 (a) b (c)) R 1 2 3 4 5 6 7 8 9 10 7 8 11 12\n"), "a name with spaces and ')'");
        assertEquals(0, ticks("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0"));
    }

    @Test
    void aTruncatedOrGarbledLineGivesMinusOne() {
        assertEquals(-1, ticks("4242 (java) S 1 4242"));
        assertEquals(-1, ticks("no parenthesis at all"));
        assertEquals(-1, ticks("1 (x) S 1 1 1 0 -1 0 0 0 0 0 1x 2 0 0"));
    }

    @Test
    void threadsAreGroupedByNameWithoutDigits() {
        assertEquals("GC Thread#", ThreadCpuSampler.group("GC Thread#0\n"));
        assertEquals("C CompilerThre", ThreadCpuSampler.group("C2 CompilerThre\n"));
        assertEquals("ccatrace-batch-", ThreadCpuSampler.group("ccatrace-batch-12\n"));
    }

    @Test
    void aBusyThreadIsSeenWithItsCpuTime() throws Exception {   // its stat file read again and again through one open file
        Assumptions.assumeTrue(ThreadCpuSampler.available(), "needs Linux /proc");
        Map<String, Double> seen;
        try (ThreadCpuSampler s = new ThreadCpuSampler()) {
            Thread busy = new Thread(() -> {
                // spins 0.3 s of wall, then until the sampler has taken a sample after that: on a
                // loaded box the sampler thread itself may not run while a fixed spin lasts
                long end = System.nanoTime() + 300_000_000L;
                long giveUp = end + 60_000_000_000L;
                long x = 0;
                while (System.nanoTime() < end) x += x * 31 + 7;
                long after = s.samples();
                while (s.samples() <= after && System.nanoTime() < giveUp) x += x * 31 + 7;
                if (x == 42) System.out.println(x);
            }, "busy-test-7");
            busy.start();
            busy.join();
            Thread.sleep(20);
            seen = s.stopAndGet();
            assertTrue(s.ownSeconds() >= 0);
        }
        // 0.3 s of wall spinning: on a loaded box the thread gets less CPU than that, but some
        assertTrue(seen.getOrDefault("busy-test-", 0.0) >= 0.01, "seen: " + seen);
    }
}
