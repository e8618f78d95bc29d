package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.VerifyingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recording that fails part-way (here: its progress callback throws once 70,000 events are
 * recorded) loses none of the events recorded: the trace keeps them and says it is
 * incomplete (issue 3; before, `record` closed it as complete and `run` deleted it).
 */
class FailedRecordingTest {
    @TempDir
    Path dir;

    /** The recording format (every format's abandon(): trace-format AbandonTest), on this thread and with the writer thread. */
    @ParameterizedTest
    @ValueSource(strings = {"f.arrows", "f.arrows thread"})
    void eventsRecordedSoFarStayAndTheTraceIsIncomplete(String name) throws IOException {
        ScenarioOptions o = ScenarioRecording.options("multi-realm", "1.0", 0, 0, 0, 0, 140_000, List.of());
        Path t = dir.resolve(name.split(" ")[0]);
        boolean thread = name.endsWith(" thread");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScenarioRecording.record(o, t, thread, w -> (n, target) -> {
            if (n >= 70_000) throw new IllegalStateException("stopped at " + n);
        }));
        long stoppedAt = Long.parseLong(e.getMessage().substring("stopped at ".length()));
        List<String> warnings = new ArrayList<>();
        long rows = 0;
        try (VerifyingReader r = TraceFiles.open(t, warnings::add)) {
            while (r.hasNext()) {
                assertEquals(rows, r.next().seq());
                rows++;
            }
            assertFalse(r.complete());
            assertNull(r.chainBreak());
        }
        assertTrue(rows >= stoppedAt, rows + " events read back, " + stoppedAt + " recorded");
        assertEquals(List.of(VerifyingReader.incomplete(t.toString(), rows)), warnings);
    }
}
