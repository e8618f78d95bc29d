package io.ccatrace.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Probes of how fast this machine is right now, independent of ccatrace's code: a chain of
 * dependent multiply-rotate steps (the core's latency), eight independent multiply chains
 * (its throughput, shared with an SMT sibling) and dependent loads through a random
 * cycle over 512 KiB, 4 MiB and 64 MiB (the caches and memory), each in ns per step of this
 * thread's CPU time. On a shared machine the same code runs 30-40% slower in some phases
 * (docs/performance.md, "How to measure"); the probes tell such a phase from a change in
 * the code. Each probe runs twice and keeps the lower figure.
 */
final class BoxProbe {
    /** Sizes of the load chains, in bytes (4-byte entries). */
    static final int[] CHASE_BYTES = {512 << 10, 4 << 20, 64 << 20};
    private static final long ALU_STEPS = 100_000_000L;
    private static final long THROUGHPUT_STEPS = 50_000_000L;
    private static final long[] CHASE_STEPS = {20_000_000L, 5_000_000L, 2_000_000L};

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** The load chains, made on first use and kept for later rounds (making the largest takes longer than probing it). */
    private final int[][] chains = new int[CHASE_BYTES.length][];
    /** The probes' results, kept in a field so that the JIT cannot drop their loops. */
    private long sink;

    /** One round of every probe as `bench box` prints it (without a line end). */
    String line() {
        double alu = alu();
        double wide = throughput();
        double[] chase = chases();
        return String.format("core %.2f ns/step, %.2f ns per 8 independent multiplies; dependent loads over 512 KiB %.1f ns,"
                + " 4 MiB %.1f ns, 64 MiB %.0f ns; load %.1f", alu, wide, chase[0], chase[1], chase[2],
                BenchReplayCommand.load());
    }

    /**
     * ns per step of eight independent multiply-add chains: bound by the core's multiply
     * throughput, which a busy SMT sibling takes a share of (the dependent chain of
     * {@link #alu} leaves it idle, so that one does not see the sibling).
     */
    double throughput() {
        return best(this::multiplies, THROUGHPUT_STEPS);
    }

    /** ns per dependent multiply-rotate step. */
    double alu() {
        return best(this::step, ALU_STEPS);
    }

    /** ns per dependent load for each size of {@link #CHASE_BYTES}, in that order. */
    double[] chases() {
        double[] ns = new double[CHASE_BYTES.length];
        for (int s = 0; s < ns.length; s++) {
            if (chains[s] == null) chains[s] = cycle(CHASE_BYTES[s] / 4, 1 + s);
            int[] next = chains[s];
            ns[s] = best(n -> chase(next, n), CHASE_STEPS[s]);
        }
        return ns;
    }

    /** ns per step of work(steps): the lower of two timed runs, after an untimed tenth. */
    private double best(LongConsumer work, long steps) {
        work.accept(steps / 10);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            work.accept(steps);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - t0) / (double) steps);
        }
        return best;
    }

    /**
     * A random permutation of 0..n-1 that is one cycle through every index (Sattolo's
     * shuffle), so following it from any index visits all n before coming back.
     */
    static int[] cycle(int n, long seed) {
        int[] next = new int[n];
        for (int i = 0; i < n; i++) next[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = next[i];
            next[i] = next[j];
            next[j] = t;
        }
        return next;
    }

    private void step(long n) {
        long h = sink | 1;
        for (long i = 0; i < n; i++) h = Long.rotateLeft(h ^ (i * 0x9E3779B97F4A7C15L), 29) * 0xC2B2AE3D27D4EB4FL;
        sink += h;
    }

    private void multiplies(long n) {
        long a = sink | 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
        for (long i = 0; i < n; i++) {
            a = a * 0x9E3779B97F4A7C15L + i;
            b = b * 0xC2B2AE3D27D4EB4FL + i;
            c = c * 0x165667B19E3779F9L + i;
            d = d * 0xFF51AFD7ED558CCDL + i;
            e = e * 0xC4CEB9FE1A85EC53L + i;
            f = f * 0x9E3779B97F4A7C15L + i;
            g = g * 0xC2B2AE3D27D4EB4FL + i;
            h = h * 0x165667B19E3779F9L + i;
        }
        sink += a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
    }

    private void chase(int[] next, long n) {
        int x = 0;
        for (long i = 0; i < n; i++) x = next[x];
        sink += x;
    }
}
