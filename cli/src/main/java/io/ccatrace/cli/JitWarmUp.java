package io.ccatrace.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's untimed warm-up: runs the same work again until one run went by with the
 * JIT quiet (it compiled for less than {@link #QUIET} of the run's wall time), at least
 * {@code min} and at most {@code max} runs. A timed pass during which C2 still compiles
 * runs partly in slower code and, on a two-core box, shares a core with the compiler
 * thread: it measures the warm-up, not the code. How many runs that takes depends on the
 * box's load (the compiler threads get less CPU when the benchmark's own threads take both
 * cores), so a fixed count is either too few or wasted time.
 */
final class JitWarmUp {
    /** A warm-up run is quiet when the JIT compiled for less than this share of its wall time. */
    static final double QUIET = 0.05;

    /** One untimed run of the work. */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    private JitWarmUp() {
    }

    /**
     * Runs {@code run} min..max times (none when max is 0), stopping after the first quiet run
     * at or past min (or after any run when the JVM does not report compile time); returns
     * the JIT seconds of each run, formatted ("0.42", or "?" when not reported).
     */
    static List<String> run(int min, int max, Run run) throws Exception {
        List<String> jits = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            long t0 = System.nanoTime();
            long j0 = jitMillis();
            run.run();
            long wall = System.nanoTime() - t0;
            long j = jitMillis() - j0;
            jits.add(j0 < 0 ? "?" : String.format("%.2f", j / 1e3));
            if (i + 1 >= min && (j0 < 0 || quiet(j, wall))) break;
        }
        return jits;
    }

    /** Whether j ms of compiling during wall ns of running leaves the run quiet. */
    static boolean quiet(long jitMillis, long wallNanos) {
        return jitMillis * 1e6 < QUIET * wallNanos;
    }

    /**
     * Milliseconds the JIT compilers spent compiling so far (all compiler threads), or -1
     * when the JVM does not report it. A pass during which the JIT still compiles runs
     * partly in slower code: that pass is still warming up, not a figure of the code.
     */
    static long jitMillis() {
        java.lang.management.CompilationMXBean c = java.lang.management.ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : -1;
    }

    /** "  JIT 0.42 s": compile time since j0 (nothing when the JVM does not report it). */
    static String since(long j0) {
        long j1 = jitMillis();
        return j0 < 0 || j1 < 0 ? "" : String.format("  JIT %.2f s", (j1 - j0) / 1e3);
    }
}
