package io.ccatrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JVM's garbage-collector threads, for benchmarks whose figure is "on one
 * core": the collector's work is part of what a recording costs, wherever the JVM runs it
 * (G1's workers, concurrent markers and refinement threads; the parallel collector's workers;
 * the serial collector works on the VM thread, which is counted too). Read from Linux's
 * /proc/self/task (user + system time, clock ticks of 10 ms) at the start and end of a pass:
 * these threads live as long as the JVM. Elsewhere than Linux it is 0.
 */
final class CollectorCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long TICK_NANOS = 10_000_000L;

    private CollectorCpu() {
    }

    /** The collector threads' CPU time so far, ns (0 when /proc cannot be read). */
    static long nanos() {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                try {
                    if (!collector(ThreadCpuSampler.group(Files.readString(t.resolve("comm"), StandardCharsets.UTF_8)))) continue;
                    byte[] stat = Files.readAllBytes(t.resolve("stat"));
                    long v = ThreadCpuSampler.ticksOf(stat, stat.length);
                    if (v > 0) ticks += v;
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
        return ticks * TICK_NANOS;
    }

    /**
     * Whether a thread group ({@link ThreadCpuSampler#group}: its name without digits, so
     * G1's "G1 Conc#0" is "G Conc#") is the collector's.
     */
    static boolean collector(String group) {
        return group.startsWith("GC Thread") || group.startsWith("G ") || group.equals("VM Thread");
    }
}
