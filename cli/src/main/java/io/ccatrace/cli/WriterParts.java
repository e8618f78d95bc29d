package io.ccatrace.cli;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.recorder.Recorder;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench record --writer N}: the recorder and the writer without the model. The events
 * of one N-event run are kept in memory and given to a {@link Recorder} 4,096 at a time, each
 * window touched first (untimed, so its events are in cache as when the model has just made
 * them) and only the recorder's calls timed (this thread's CPU): with the rows dropped (the
 * glue), written to /dev/null (the writer in user space: rows, hash chain, batches, IPC
 * framing; no page-cache copy) and written to a file.
 */
final class WriterParts {
    private static final int WINDOW = 4096;

    private final List<ModelEvent> events = new ArrayList<>();
    private final Path dir;
    private final String format;
    private long touched;

    WriterParts(ScenarioOptions o, Path dir, String format) {
        ScenarioRun run = new ScenarioRun(o);
        run.machine().addListener((EventListener) events::add);
        run.run(Progress.NONE);
        this.dir = dir;
        this.format = format;
    }

    /** The parts' names, in the order {@link #pass} times them. */
    List<String> parts() {
        List<String> p = new ArrayList<>(List.of("recorder glue alone", "recorder + writer to /dev/null"));
        p.add("recorder + writer to ." + format);
        return p;
    }

    /** One pass of part i (of {@link #parts}). */
    BenchRecordCommand.Pass pass(int part) throws IOException {
        Path nul = dir.resolve("null." + format);
        Path file = dir.resolve("writer." + format);
        TraceWriter w;
        if (part == 0) {
            w = new BenchRecordCommand.DroppingWriter();
        } else if (part == 1) {
            Files.deleteIfExists(nul);
            Files.createSymbolicLink(nul, Path.of("/dev/null"));
            w = TraceFiles.create(nul, TraceMetadata.empty());
        } else {
            w = TraceFiles.create(file, TraceMetadata.empty());
        }
        long t0 = System.nanoTime();
        long j0 = JitWarmUp.jitMillis();
        long cpu = 0;
        Recorder r = new Recorder(w);
        for (int i = 0; i < events.size(); i += WINDOW) {
            int end = Math.min(events.size(), i + WINDOW);
            touch(i, end);
            long c0 = BenchRecordCommand.cpu();
            for (int j = i; j < end; j++) r.onEvent(events.get(j));
            cpu += BenchRecordCommand.cpu() - c0;
        }
        long c0 = BenchRecordCommand.cpu();
        r.close();
        cpu += BenchRecordCommand.cpu() - c0;
        long wall = System.nanoTime() - t0;
        String extra = (part == 2 ? String.format("  %.2f bytes/event", (double) Files.size(file) / events.size()) : "")
                + JitWarmUp.since(j0);
        Files.deleteIfExists(nul);
        Files.deleteIfExists(file);
        return new BenchRecordCommand.Pass(events.size(), wall, cpu, extra);
    }

    /** Reads the window's events (their fields and arrays), so they are in cache. */
    private void touch(int from, int to) {
        long s = 0;
        for (int j = from; j < to; j++) s += events.get(j).hashCode();
        touched += s;
    }
}
