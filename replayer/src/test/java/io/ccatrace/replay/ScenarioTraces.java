package io.ccatrace.replay;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.util.ArrayList;
import java.util.List;

/** Scenario recordings held in memory: rows as the recorder maps them, plus metadata. */
record ScenarioTraces(TraceMetadata metadata, List<TraceEvent> rows) {

    static ScenarioTraces record(Scenario s, long seed, long events) {
        ScenarioRun run = new ScenarioRun(ScenarioOptions.of(s).withSeed(seed).withEvents(events));
        List<TraceEvent> rows = new ArrayList<>();
        run.machine().addListener(e -> rows.add(EventRows.toRow(e)));
        run.run(Progress.NONE);
        TraceMetadata meta = TraceMetadata.empty()
                .with(TraceMetadata.MACHINE, MachineJson.toJson(run.machine().config()))
                .with(TraceMetadata.RMM_MODEL, run.machine().config().rmmModel());
        return new ScenarioTraces(meta, rows);
    }

    ListTrace reader() {
        return new ListTrace(metadata, rows);
    }
}
