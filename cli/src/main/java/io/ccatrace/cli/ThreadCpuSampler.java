package io.ccatrace.cli;

import java.io.IOException;
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
 * reports nothing.
 */
final class ThreadCpuSampler implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long PERIOD_MS = 5;
    private static final double TICK_S = 0.01;

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Long> first = new HashMap<>();
    private final Map<String, Long> last = new HashMap<>();
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
        for (String tid : tids) {
            Path t = TASKS.resolve(tid);
            long ticks = ticks(t);
            String name = name(t);   // read every time: a new thread is named a moment after it starts
            if (ticks < 0 || name == null) continue;   // ended meanwhile
            names.put(tid, name);
            first.putIfAbsent(tid, started ? 0L : ticks);   // threads started after the first sample count from 0
            last.put(tid, ticks);
        }
    }

    /** utime + stime of a task, or -1 when it is gone. */
    private static long ticks(Path task) {
        try {
            String s = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);   // fields 14 and 15 of stat(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip().replaceAll("[0-9]+", "");
        } catch (IOException e) {
            return null;
        }
    }

    /** Stops sampling (after one last sample): CPU seconds per thread name (0.01 s and more), by name. */
    synchronized Map<String, Double> stopAndGet() {
        stop = true;
        sample();
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().startsWith("ccatrace-bench-")) continue;
            double s = (last.get(e.getKey()) - first.get(e.getKey())) * TICK_S;
            if (s > 0) out.merge(e.getValue(), s, Double::sum);
        }
        out.values().removeIf(s -> s < 0.01);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }
}
