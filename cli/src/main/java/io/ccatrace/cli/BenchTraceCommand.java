package io.ccatrace.cli;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench trace: single-threaded write and read speeds of the trace formats on a
 * seeded synthetic multi-realm trace. Only the writer/reader calls are timed (events are
 * generated in chunks outside the clock). Times are this thread's CPU time. Writes are timed
 * over several passes and the median reported (the JIT-warm figure, as for reads): the
 * warm-up is shorter than a Parquet row group (1 Mi rows), so C2's first code for the writer
 * has never seen a row group end, deoptimises at the first one of the first timed pass and
 * runs profiled code until it is recompiled; the first pass is printed too.
 */
@Command(mixinStandardHelpOptions = true, name = "trace", description = "Benchmark trace writing (Arrow, Parquet), size, projection reads, row reads and the row cursor.")
public final class BenchTraceCommand implements Callable<Integer> {
    /** Events generated per timed slice: small enough to stay in cache, as rows coming straight from the model do. */
    private static final int CHUNK = 1024;
    private static final Set<Column> PROJECTION = Set.of(Column.SEQ, Column.KIND, Column.PA);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", defaultValue = "5000000", description = "events per run (default 5,000,000)")
    long events;

    @Option(names = "--seed", defaultValue = "1", description = "synthetic trace seed")
    long seed;

    @Option(names = "--warmup", defaultValue = "500000", description = "events of an untimed warm-up pass (JIT), default 500,000")
    long warmup;

    @Option(names = "--write-passes", defaultValue = "3",
            description = "timed write passes per format; the median is the JIT-warm figure (default 3)")
    int writePasses;

    @Option(names = "--formats", split = ",", defaultValue = "arrows,parquet",
            description = "formats to write and read (default arrows,parquet)")
    java.util.List<String> formats;

    @Option(names = "--dir", description = "directory for the files (default: a temporary one, removed)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (events <= 0) throw new UserException("--events must be positive");
        if (writePasses <= 0) throw new UserException("--write-passes must be positive");
        PrintWriter out = spec.commandLine().getOut();
        String[] names = formats.stream().map(f -> "bench." + f).toArray(String[]::new);
        for (String f : formats) {
            if (!f.equals("arrows") && !f.equals("parquet") && !f.equals("jsonl")) {
                throw new UserException("--formats: unknown format " + f + " (use arrows, parquet, jsonl)");
            }
        }
        boolean temp = dir == null;
        Path d = temp ? Files.createTempDirectory("ccatrace-bench") : Files.createDirectories(dir);
        try {
            if (warmup > 0) {
                long keep = events;
                events = warmup;
                for (String name : names) {
                    write(d.resolve(name));
                    project(d.resolve(name));
                    rows(d.resolve(name));
                    cursor(d.resolve(name));
                }
                events = keep;
            }
            out.println("events: " + events + " (synthetic multi-realm trace, seed " + seed + "), "
                    + Runtime.getRuntime().availableProcessors() + " cpus, java " + System.getProperty("java.version")
                    + "; times are thread CPU time");
            for (String name : names) {
                Path p = d.resolve(name);
                double[] t = new double[writePasses];
                for (int i = 0; i < writePasses; i++) t[i] = write(p);
                double first = t[0];
                java.util.Arrays.sort(t);
                double s = t[writePasses / 2];
                out.printf("write %-8s %7.2f M events/s  median of %d passes (%.2f s; first pass %.2f M events/s)"
                                + "  %6.2f bytes/event  (%d bytes)%n",
                        name.substring(6), events / s / 1e6, writePasses, s, events / first / 1e6,
                        (double) Files.size(p) / events, Files.size(p));
                out.flush();
            }
            for (String name : names) {
                Path p = d.resolve(name);
                String f = name.substring(6);
                long[] check = new long[1];
                double s = median(PASSES, () -> check[0] = project(p));
                out.printf("read  %-8s %7.2f M events/s  projection seq,kind,pa, median of %d passes  (%.3f s, check %x)%n",
                        f, events / s / 1e6, PASSES, s, check[0]);
                long t0 = cpuNanos();
                check[0] = rows(p);
                s = (cpuNanos() - t0) / 1e9;
                out.printf("read  %-8s %7.2f M events/s  all columns as TraceEvent rows, chain verified  (%.2f s, check %x)%n",
                        f, events / s / 1e6, s, check[0]);
                double[] process = new double[PASSES];
                s = median(PASSES, () -> {
                    long p0 = processNanos();
                    check[0] = cursor(p);
                    process[passIndex++ % PASSES] = (processNanos() - p0) / 1e9;
                });
                java.util.Arrays.sort(process);
                double ps = process[PASSES / 2];
                out.printf("read  %-8s %7.2f M events/s  all columns through the cursor, chain verified on a 2nd thread,"
                        + " median of %d passes  (%.2f s; whole process %.2f s CPU = %.2f M events/s; check %x)%n",
                        f, events / s / 1e6, PASSES, s, ps, events / ps / 1e6, check[0]);
                out.flush();
            }
        } finally {
            if (temp) {
                for (String n : names) Files.deleteIfExists(d.resolve(n));
                Files.deleteIfExists(d);
            }
        }
        return ExitCodes.OK;
    }

    /** Seconds spent inside the writer. */
    private double write(Path p) throws IOException {
        SyntheticTrace gen = new SyntheticTrace(events, seed);
        TraceEvent[] chunk = new TraceEvent[CHUNK];
        long nanos = 0;
        long t0 = cpuNanos();
        TraceWriter w = TraceFiles.create(p, TraceMetadata.empty().with(TraceMetadata.SCENARIO, "bench")
                .with(TraceMetadata.SEED, Long.toString(seed)));
        nanos += cpuNanos() - t0;
        while (gen.hasNext()) {
            int n = 0;
            while (n < CHUNK && gen.hasNext()) chunk[n++] = gen.next();
            t0 = cpuNanos();
            for (int i = 0; i < n; i++) w.write(chunk[i]);
            nanos += cpuNanos() - t0;
        }
        t0 = cpuNanos();
        w.close();
        nanos += cpuNanos() - t0;
        return nanos / 1e9;
    }

    /**
     * CPU time of this thread: the machine is shared, so wall time measures the neighbours;
     * thread CPU time measures our single-threaded code (GC threads excluded).
     */
    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time of the whole JVM (all threads, GC included), for work split over threads. */
    private static long processNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long project(Path p) throws IOException {
        long check = 0;
        try (BatchReader r = TraceFiles.openColumns(p, PROJECTION)) {
            EventBatch b;
            while ((b = r.next()) != null) {
                long[] seq = b.longs(Column.SEQ);
                long[] pa = b.longs(Column.PA);
                int[] kind = b.ids(Column.KIND);
                for (int i = 0; i < b.size(); i++) check += seq[i] ^ pa[i] ^ kind[i];
            }
        }
        return check;
    }

    /** Every column of every row through the cursor (args, out and payload touched too). */
    private static long cursor(Path p) throws IOException {
        long check = 0;
        try (TraceCursor c = TraceFiles.openCursor(p)) {
            while (c.next()) {
                check += c.seq() ^ c.pa() ^ c.kind().ordinal() ^ c.time() ^ c.realm() ^ c.value();
                long[] a = c.args();
                if (a != null) check += a.length;
                byte[] b = c.payload();
                if (b != null) check += b.length;
                String s = c.cmd();
                if (s != null) check += s.length();
            }
        }
        return check;
    }

    /** Reads timed several times (the first passes still run partly interpreted). */
    private static final int PASSES = 5;
    private int passIndex;

    /** A timed read. */
    private interface Pass {
        void run() throws IOException;
    }

    /** Median thread CPU seconds of n runs of a pass. */
    private static double median(int n, Pass pass) throws IOException {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = cpuNanos();
            pass.run();
            t[i] = (cpuNanos() - t0) / 1e9;
        }
        java.util.Arrays.sort(t);
        return t[n / 2];
    }

    private static long rows(Path p) throws IOException {
        long check = 0;
        try (TraceReader r = TraceFiles.open(p)) {
            while (r.hasNext()) {
                TraceEvent e = r.next();
                check += e.seq() ^ e.pa() ^ e.kind().ordinal();
            }
        }
        return check;
    }
}
