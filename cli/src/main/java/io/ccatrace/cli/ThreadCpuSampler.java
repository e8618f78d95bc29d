package io.ccatrace.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread of this JVM while a benchmark runs, the JVM's own threads (GC, JIT
 * compilers) included, from Linux's /proc/self/task (user + system time, in clock ticks of
 * 10 ms). A daemon thread reads every thread's time every few milliseconds and keeps the
 * last value seen per thread, so threads that start and end inside the measured run count
 * too (up to the last sample before they end). Threads are grouped by name with digits
 * dropped ("GC Thread#0" and "GC Thread#1" are "GC Thread#"). Elsewhere than Linux it
 * reports nothing. The sampler runs beside the measured work on the same cores, so a sample
 * is kept cheap: each thread's stat file stays open and is read again from offset 0 (one
 * system call; the kernel regenerates the line), a thread's name is read only at its first
 * {@value #NAME_READS} samples (a new thread is named a moment after it starts), and the
 * lines are parsed by hand, with no regex or split (opening, reading and closing two files
 * per thread and sample cost about 6% of a core, and its code was compiled by C2 inside the
 * timed passes; docs/performance-log.md, session 13). Its own CPU time is reported apart
 * ({@link #ownSeconds}).
 */
final class ThreadCpuSampler implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long PERIOD_MS = 5;
    private static final double TICK_S = 0.01;
    /** Samples at which a new thread's name is read (then kept). */
    static final int NAME_READS = 8;
    private static final String SELF = "ccatrace-bench-";

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Long> first = new HashMap<>();
    private final Map<String, Long> last = new HashMap<>();
    /** The sample at which each thread was first seen. */
    private final Map<String, Long> seenAt = new HashMap<>();
    /** Each live thread's stat file, kept open. */
    private final Map<String, FileChannel> stats = new HashMap<>();
    private final ByteBuffer line = ByteBuffer.allocate(1024);
    private long samples;
    private final Thread thread;
    private boolean started;
    private volatile boolean stop;

    ThreadCpuSampler() {
        sample();
        started = true;
        thread = new Thread(this::run, "ccatrace-bench-cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static boolean available() {
        return Files.isDirectory(TASKS);
    }

    private void run() {
        while (!stop) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        String[] tids = TASKS.toFile().list();
        if (tids == null) return;
        samples++;
        for (String tid : tids) {
            Path t = TASKS.resolve(tid);
            long ticks = ticks(tid, t);
            if (ticks < 0) continue;   // ended meanwhile
            long seen = seenAt.computeIfAbsent(tid, k -> samples);
            if (samples - seen < NAME_READS || !names.containsKey(tid)) {
                String name = name(t);   // a new thread is named a moment after it starts
                if (name == null) continue;
                names.put(tid, name);
            }
            first.putIfAbsent(tid, started ? 0L : ticks);   // threads started after the first sample count from 0
            last.put(tid, ticks);
        }
    }

    /** utime + stime of a task, or -1 when it is gone (its stat file is then closed). */
    private long ticks(String tid, Path task) {
        FileChannel ch = stats.get(tid);
        try {
            if (ch == null) {
                ch = FileChannel.open(task.resolve("stat"));
                stats.put(tid, ch);
            }
            line.clear();
            int n = ch.read(line, 0);
            long t = n > 0 ? ticksOf(line.array(), n) : -1;
            if (t < 0) forget(tid);
            return t;
        } catch (IOException | RuntimeException e) {
            forget(tid);
            return -1;
        }
    }

    private void forget(String tid) {
        FileChannel ch = stats.remove(tid);
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException e) {
            // gone anyway
        }
    }

    /**
     * utime + stime (fields 14 and 15 of proc(5)'s stat line; the name, field 2, is in
     * parentheses and may hold spaces and parentheses itself, so fields are counted after
     * the last ')'), or -1 for a line without them.
     */
    static long ticksOf(byte[] stat, int length) {
        int i = length - 1;
        while (i >= 0 && stat[i] != ')') i--;
        if (i < 0) return -1;
        int field = 2;
        int got = 0;
        long sum = 0;
        for (i++; i < length; i++) {
            if (stat[i] == ' ') {
                if (++field > 15) break;
            } else if (field >= 14) {
                if (stat[i] < '0' || stat[i] > '9') return -1;
                long v = stat[i] - '0';
                while (i + 1 < length && stat[i + 1] >= '0' && stat[i + 1] <= '9') v = 10 * v + stat[++i] - '0';
                if (i + 1 < length && stat[i + 1] != ' ' && stat[i + 1] != '\n') return -1;
                sum += v;
                got++;
            }
        }
        return got == 2 ? sum : -1;
    }

    private static String name(Path task) {
        try {
            return group(Files.readString(task.resolve("comm"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    /** A thread's group: its name (comm) stripped of surrounding white space (the newline), then of digits. */
    static String group(String comm) {
        String s = comm.strip();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') b.append(ch);
        }
        return b.toString();
    }

    /** Stops sampling (after one last sample): CPU seconds per thread name (0.01 s and more), by name. */
    synchronized Map<String, Double> stopAndGet() {
        stop = true;
        sample();
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().startsWith(SELF)) continue;
            double s = (last.get(e.getKey()) - first.get(e.getKey())) * TICK_S;
            if (s > 0) out.merge(e.getValue(), s, Double::sum);
        }
        out.values().removeIf(s -> s < 0.01);
        return out;
    }

    /** Samples taken so far (a test waits for one taken while its thread still runs). */
    synchronized long samples() {
        return samples;
    }

    /** The sampler's own CPU seconds (after {@link #stopAndGet}): what measuring cost. */
    synchronized double ownSeconds() {
        double s = 0;
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().startsWith(SELF)) s += (last.get(e.getKey()) - first.get(e.getKey())) * TICK_S;
        }
        return s;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
        synchronized (this) {
            for (String tid : stats.keySet().toArray(new String[0])) forget(tid);
        }
    }
}
