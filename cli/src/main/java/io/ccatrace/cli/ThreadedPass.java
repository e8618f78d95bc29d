package io.ccatrace.cli;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.trace.arrow.ArrowStreamSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One pass of {@code bench record}'s "simulate + record, writer thread": the recording with
 * the recorder's writer thread. Both readings of it: the wall time (what a user on two or
 * more cores waits for) and the CPU time of the simulating thread (this one, with the garbage
 * collector's threads, {@link CollectorCpu}) and of the writer thread (with the direct I/O
 * thread that does its writes, if any), whose sum per event is what the recording costs on
 * one core.
 */
record ThreadedPass(long events, long wallNanos, long simCpuNanos, long writerCpuNanos, String extra) {
    static ThreadedPass run(ScenarioOptions o, Path trace) throws IOException {
        long t0 = System.nanoTime();
        long c0 = BenchRecordCommand.cpu();
        long j0 = JitWarmUp.jitMillis();
        long a0 = ThreadAllocation.bytes();
        long io0 = ArrowStreamSink.directIoCpuNanos();
        long g0 = CollectorCpu.nanos();
        ScenarioRecording.Recorded r = ScenarioRecording.record(o, trace, true, written -> Progress.NONE);
        long wall = System.nanoTime() - t0;
        long sim = BenchRecordCommand.cpu() - c0;
        long io = ArrowStreamSink.directIoCpuNanos() - io0;
        long gc = CollectorCpu.nanos() - g0;
        long events = r.result().events();
        // the direct I/O thread does the writer thread's writes: its CPU is counted with the writer's;
        // the collector's is counted with the simulating thread's (most of the garbage is the model's)
        return new ThreadedPass(events, wall, sim + gc, r.recorder().writerCpuNanos() + io,
                BenchRecordCommand.ioShare(io, events) + BenchRecordCommand.gcShare(gc, events)
                        + ThreadAllocation.perEvent(a0, events) + JitWarmUp.since(j0));
    }

    void report(PrintWriter out, String what) {
        double n = events;
        long both = simCpuNanos + writerCpuNanos;
        out.printf("%-36s %,d events: %.2f M events/s wall (%.2f s wall); CPU %.0f ns/event simulating thread and collector"
                        + " + %.0f writer thread = %.0f (%.2f M events/s of CPU)%s%n",
                what, events, n / wallNanos * 1e3, wallNanos / 1e9, simCpuNanos / n, writerCpuNanos / n,
                both / n, n / both * 1e3, extra);
        out.flush();
    }

    /**
     * Each figure's median over the passes, taken apart (the wall and the CPU of each thread),
     * with the JIT time of the pass of median wall time.
     */
    static ThreadedPass median(List<ThreadedPass> passes) {
        ThreadedPass wall = median(passes, ThreadedPass::wallNanos);
        return new ThreadedPass(wall.events, wall.wallNanos, median(passes, ThreadedPass::simCpuNanos).simCpuNanos,
                median(passes, ThreadedPass::writerCpuNanos).writerCpuNanos, wall.extra);
    }

    private static ThreadedPass median(List<ThreadedPass> passes, ToLongFunction<ThreadedPass> figure) {
        List<ThreadedPass> sorted = new ArrayList<>(passes);
        sorted.sort(Comparator.comparingLong(figure));
        return sorted.get(sorted.size() / 2);
    }
}
