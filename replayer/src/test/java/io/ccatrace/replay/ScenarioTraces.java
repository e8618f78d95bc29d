package io.ccatrace.replay;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scenario recordings held in memory: rows as the recorder maps them, plus metadata. */
public record ScenarioTraces(TraceMetadata metadata, List<TraceEvent> rows) {

    public static ScenarioTraces record(Scenario s, long seed, long events) {
        ScenarioRun run = new ScenarioRun(ScenarioOptions.of(s).withSeed(seed).withEvents(events));
        List<TraceEvent> rows = new ArrayList<>();
        run.machine().addListener(e -> rows.add(EventRows.toRow(e)));
        run.run(Progress.NONE);
        TraceMetadata meta = TraceMetadata.empty()
                .with(TraceMetadata.MACHINE, MachineJson.toJson(run.machine().config()))
                .with(TraceMetadata.RMM_MODEL, run.machine().config().rmmModel());
        return new ScenarioTraces(meta, rows);
    }

    /** Writes the rows to a trace file (format by extension) with extra metadata; returns file. */
    public Path writeTo(Path file, TraceMetadata extra) throws IOException {
        TraceMetadata m = metadata;
        for (var e : extra.asMap().entrySet()) m = m.with(e.getKey(), e.getValue());
        try (TraceWriter w = TraceFiles.create(file, m)) {
            for (TraceEvent e : rows) w.write(e);
        }
        return file;
    }

    ListTrace reader() {
        return new ListTrace(metadata, rows);
    }
}
