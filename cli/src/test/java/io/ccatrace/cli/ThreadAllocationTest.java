package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The benchmarks' per-thread allocation figure. */
class ThreadAllocationTest {
    static volatile byte[] sink;

    @Test
    void anArrayAllocatedInBetweenIsCounted() {
        long b0 = ThreadAllocation.bytes();
        Assumptions.assumeTrue(b0 >= 0, "this JVM does not count allocated bytes per thread");
        sink = new byte[1 << 20];
        long b1 = ThreadAllocation.bytes();
        assertTrue(b1 - b0 >= 1 << 20, (b1 - b0) + " bytes counted for a 1 MiB array");
    }

    @Test
    void perEventIsTheBytesSinceTheStartDividedByTheEvents() {
        long b0 = ThreadAllocation.bytes();
        Assumptions.assumeTrue(b0 >= 0, "this JVM does not count allocated bytes per thread");
        sink = new byte[10 << 20];
        String s = ThreadAllocation.perEvent(b0, 1024);
        double perEvent = Double.parseDouble(s.replaceAll("^  alloc ([0-9.]+) B/event$", "$1"));
        assertTrue(perEvent >= 10 * 1024 && perEvent < 11 * 1024, s);   // 10 MiB over 1024 events, plus little
    }

    @Test
    void nothingWhenNotCounted() {
        assertEquals("", ThreadAllocation.perEvent(-1, 1000));
        assertEquals("", ThreadAllocation.perEvent(0, 0));
    }
}
