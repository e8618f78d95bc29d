package io.ccatrace.cli;

import java.lang.management.ManagementFactory;

/**
 * Bytes this thread has allocated on the heap (HotSpot's per-thread TLAB accounting), for
 * the benchmarks' "alloc N B/event": unlike CPU time it does not depend on the box's load,
 * only on the code and on what the JIT's escape analysis removed.
 */
final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private ThreadAllocation() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (!(t instanceof com.sun.management.ThreadMXBean)) return null;
        com.sun.management.ThreadMXBean s = (com.sun.management.ThreadMXBean) t;
        return s.isThreadAllocatedMemorySupported() && s.isThreadAllocatedMemoryEnabled() ? s : null;
    }

    /** Bytes allocated by the calling thread so far, or -1 when the JVM does not count them. */
    static long bytes() {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** "  alloc 164.2 B/event": bytes allocated by this thread since b0 per event (nothing when not counted). */
    static String perEvent(long b0, long events) {
        return perEvent(b0, events, "  ");
    }

    /** The same figure after the given separator instead of two spaces (nothing when not counted). */
    static String perEvent(long b0, long events, String separator) {
        long b1 = bytes();
        return b0 < 0 || b1 < 0 || events <= 0 ? "" : String.format("%salloc %.1f B/event", separator, (double) (b1 - b0) / events);
    }
}
