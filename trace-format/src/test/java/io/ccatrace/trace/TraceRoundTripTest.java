package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format gives back exactly the rows and metadata written, with an intact chain. */
class TraceRoundTripTest {
    @TempDir
    Path dir;

    static List<TraceEvent> sample(int n) {
        List<TraceEvent> l = new ArrayList<>();
        new SyntheticTrace(n, 7).forEachRemaining(l::add);
        return l;
    }

    static TraceMetadata meta() {
        return TraceMetadata.empty().with(TraceMetadata.RMM_MODEL, "1.0")
                .with(TraceMetadata.SEED, "7").with(TraceMetadata.SCENARIO, "synthetic");
    }

    static void write(Path p, List<TraceEvent> events) throws IOException {
        try (TraceWriter w = TraceFiles.create(p, meta())) {
            for (TraceEvent e : events) w.write(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.jsonl", "t.arrows", "t.parquet"})
    void rowsAndMetadataSurvive(String name) throws IOException {
        List<TraceEvent> events = sample(3 * 4096 + 17);
        Path p = dir.resolve(name);
        write(p, events);
        List<String> warnings = new ArrayList<>();
        List<TraceEvent> back = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(p, warnings::add)) {
            assertEquals("1.0", r.metadata().get(TraceMetadata.RMM_MODEL));
            assertEquals("2", r.metadata().get(TraceMetadata.FORMAT_VERSION));
            assertEquals("recorded", r.metadata().get(TraceMetadata.ORIGIN));
            while (r.hasNext()) back.add(r.next());
            assertEquals(Long.toString(events.size()), r.metadata().get(TraceMetadata.EVENT_COUNT));
            assertEquals("true", r.metadata().get(TraceMetadata.COMPLETE));
            assertEquals(r.computedDigest(), r.metadata().get(TraceMetadata.DIGEST));
            assertNull(r.chainBreak());
            assertTrue(r.complete());
        }
        assertEquals(events, back);
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.jsonl", "t.arrows", "t.parquet"})
    void sameInputSameBytes(String name) throws IOException {
        List<TraceEvent> events = sample(5000);
        Path a = dir.resolve("a-" + name);
        Path b = dir.resolve("b-" + name);
        write(a, events);
        write(b, events);
        assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(a),
                java.nio.file.Files.readAllBytes(b)));
        assertFalse(java.nio.file.Files.size(a) == 0);
    }
}
