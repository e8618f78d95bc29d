package io.ccatrace.cli;

import io.ccatrace.replay.ReplayOptions;
import io.ccatrace.replay.ReplayResult;
import io.ccatrace.replay.Replayer;
import io.ccatrace.replay.checkpoint.CheckpointBuilder;
import io.ccatrace.replay.checkpoint.StateQuery;
import io.ccatrace.trace.TraceCursor;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench state: state queries on a trace without checkpoints, the checkpoint pass,
 * the same and more queries with checkpoints (on a checkpoint, just before the next one:
 * the worst case, the middle, the last event), and a full replay for the ratio the issue
 * sets (a query under a tenth of a full replay). Times are this thread's CPU time (wall
 * time alongside). Writes TRACE.ckpt beside the trace.
 */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Benchmark state queries with and without checkpoints against a full replay (writes TRACE.ckpt).")
public final class BenchStateCommand implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--trace", required = true, paramLabel = "TRACE", description = "the trace to query (e.g. a 10M-event recording)")
    Path trace;

    @Option(names = "--every", paramLabel = "N", converter = Numbers.class,
            description = "events between checkpoints (default ${DEFAULT-VALUE})")
    long every = CheckpointBuilder.DEFAULT_EVERY;

    @Option(names = "--no-replay", description = "skip the full replay (the ratio is then not printed)")
    boolean noReplay;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        Numbers.positiveCount("--every", every);
        if (!Files.isRegularFile(trace)) throw new UserException(trace + ": no such trace file");
        out = spec.commandLine().getOut();
        out.println("trace " + trace + " (" + Files.size(trace) + " bytes); java " + System.getProperty("java.version"));
        query(0, false);                                                   // warm-up: class loading, JIT
        Timed<StateQuery.Result> whole = query(Long.MAX_VALUE, false);
        long n = whole.value().rowsRead();
        report("state --at the last event, no checkpoint", whole);
        report("state --at " + n / 2 + ", no checkpoint", query(n / 2, false));
        Timed<CheckpointBuilder.Result> build = timed(() -> CheckpointBuilder.build(trace, every, w -> { }));
        out.printf("checkpoint --every %,d: %d checkpoints, %,d bytes, %.2f s CPU (%.2f s wall)%n", every,
                build.value().checkpoints(), build.value().bytes(), build.cpu(), build.wall());
        out.flush();
        query(every, true);                                                // warm-up of the checkpoint path
        TreeSet<Long> seqs = new TreeSet<>();
        for (long c = every; c <= n; c += Math.max(every, n / 4 / every * every)) {
            seqs.add(c - 1);                                               // exactly on a checkpoint
            if (c + every - 2 < n) seqs.add(c + every - 2);                // worst case: the row before the next one
        }
        seqs.add(n / 2);
        seqs.add(n - 1);
        double worst = 0;
        for (long at : seqs) {
            Timed<StateQuery.Result> t = query(at, true);
            worst = Math.max(worst, t.cpu());
            report("state --at " + at + " with checkpoints", t);
        }
        if (noReplay) return ExitCodes.OK;
        Timed<ReplayResult> replay = timed(() -> {
            try (TraceCursor r = Replayer.openCursor(trace, w -> { })) {
                return new Replayer(new ReplayOptions(null, -1, 0)).run(r, d -> { });
            }
        });
        long rows = replay.value().rows();
        out.printf("full replay %,d events: %.2f s CPU (%.2f s wall), %.2f M events/s of CPU%n",
                rows, replay.cpu(), replay.wall(), rows / replay.cpu() / 1e6);
        out.printf("slowest query with checkpoints / full replay (CPU): %.4f (target < 0.1)%n", worst / replay.cpu());
        out.flush();
        return ExitCodes.OK;
    }

    private Timed<StateQuery.Result> query(long at, boolean checkpoints) throws IOException {
        return timed(() -> StateQuery.at(trace, at, checkpoints, w -> out.println("warning: " + w)));
    }

    private void report(String what, Timed<StateQuery.Result> t) {
        StateQuery.Result r = t.value();
        String from = r.checkpointSeq() < 0 ? "from the first event" : String.format("from the checkpoint at seq %,d", r.checkpointSeq());
        out.printf("%-48s %8.3f s CPU (%.3f s wall), %s, %,d rows read%n", what + ":", t.cpu(), t.wall(), from, r.rowsRead());
        out.flush();
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    private record Timed<T>(T value, double cpu, double wall) {
    }

    private static <T> Timed<T> timed(Work<T> w) throws IOException {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        T v = w.run();
        return new Timed<>(v, (THREADS.getCurrentThreadCpuTime() - c0) / 1e9, (System.nanoTime() - w0) / 1e9);
    }
}
