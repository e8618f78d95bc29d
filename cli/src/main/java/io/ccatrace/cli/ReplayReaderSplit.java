package io.ccatrace.cli;

import io.ccatrace.replay.Replayer;
import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.chain.BatchContentHash;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * bench replay --part reader: what the replay's reader thread does, part by part, each on this
 * thread (CPU time of this thread, exact) and alternated pass by pass: decoding every column,
 * the same plus the keyed content hash of every row, the row cursor over every column without
 * and with the integrity chain, and the replay's own cursor ({@link Replayer#openCursor}:
 * decode, chain and hash on its reader thread, by /proc ticks) with the rows only moved over.
 */
final class ReplayReaderSplit {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReplayReaderSplit() {
    }

    static void run(PrintWriter out, Path trace, int passes) throws IOException, InterruptedException {
        String[] names = {"decode all columns", "decode + content hash", "cursor, no chain", "cursor + chain (+ its thread)",
            "replay cursor (reader thread)"};
        double[][] t = new double[names.length][passes];
        double[] storage = new double[passes];
        long rows = 0;
        for (int p = -1; p < passes; p++) {         // pass -1: warm-up, not printed
            for (int k = 0; k < names.length; k++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                double other = -1;
                switch (k) {
                    case 0: rows = decode(trace, false); break;
                    case 1: rows = decode(trace, true); break;
                    case 2: rows = cursor(trace, false); break;
                    case 3:
                        ThreadCpuSampler chain = new ThreadCpuSampler();
                        rows = cursor(trace, true);
                        Map<String, Double> cm = chain.stopAndGet();
                        chain.close();
                        other = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9 + cm.getOrDefault("ccatrace-chain-", 0.0);
                        break;
                    default:
                        ThreadCpuSampler s = new ThreadCpuSampler();
                        rows = replayCursor(trace);
                        Map<String, Double> m = s.stopAndGet();
                        s.close();
                        other = m.getOrDefault("ccatrace-batch-", 0.0);
                        storage[Math.max(p, 0)] = m.getOrDefault("ccatrace-storag", 0.0);
                        break;
                }
                double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
                if (p >= 0) t[k][p] = other >= 0 ? other : cpu;
            }
        }
        out.printf("reader split, %,d rows, %d passes (ns per row; CPU of this thread, the last line the reader thread's), load %.1f:%n",
                rows, passes, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int k = 0; k < names.length; k++) {
            StringBuilder b = new StringBuilder();
            for (double x : t[k]) b.append(String.format(" %6.1f", x * 1e9 / rows));
            out.printf("  %-32s%s%n", names[k], b);
        }
        StringBuilder b = new StringBuilder();
        for (double x : storage) b.append(String.format(" %6.1f", x * 1e9 / rows));
        out.printf("  %-32s%s%n", "replay cursor (storage check)", b);
        out.flush();
    }

    private static long decode(Path trace, boolean hash) throws IOException {
        BatchContentHash h = hash ? new BatchContentHash() : null;
        long n = 0;
        try (BatchReader r = TraceFiles.openColumns(trace, EnumSet.allOf(Column.class), w -> { }, 1)) {
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                if (h != null) h.accept(b);
                n += b.size();
            }
        }
        return n;
    }

    private static long cursor(Path trace, boolean chain) throws IOException {
        long n = 0;
        try (TraceCursor c = TraceFiles.openCursor(trace, EnumSet.allOf(Column.class), Long.MIN_VALUE, false, chain, w -> { })) {
            while (c.next()) n++;
        }
        return n;
    }

    private static long replayCursor(Path trace) throws IOException {
        long n = 0;
        try (TraceCursor c = Replayer.openCursor(trace, w -> { })) {
            while (c.next()) n++;
        }
        return n;
    }
}
