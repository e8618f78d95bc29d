package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.divergence.Divergence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every scenario, recorded on 1.0 and replayed on 1.0, replays without a divergence. */
class ScenarioReplayTest {
    @Test
    void everyScenarioReplaysIdentically() throws IOException {
        for (Scenario s : Scenario.values()) {
            for (long seed = 1; seed <= 2; seed++) {
                ScenarioTraces t = ScenarioTraces.record(s, seed, 10_000);
                List<Divergence> d = new ArrayList<>();
                ReplayResult r = new Replayer(ReplayOptions.all()).run(t.reader(), d::add);
                assertTrue(d.isEmpty(), s + " seed " + seed + ": " + (d.isEmpty() ? "" : d.get(0)));
                assertEquals(t.rows().size(), r.rows());
            }
        }
    }
}
