package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.trace.chain.BatchHash;
import io.ccatrace.trace.chain.BatchHashV2;
import io.ccatrace.trace.chain.EventHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The column-wise batch hashes equal the row hashes of formats 2 and 1 (docs/trace-format.md). */
class BatchHashTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void batchHashEqualsEventHash(String name) throws IOException {
        List<TraceEvent> events = CursorTest.edgy(70_000);
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, events);
        BatchHashV2 hash = new BatchHashV2();
        BatchHash v1 = new BatchHash();
        int i = 0;
        try (BatchReader r = TraceFiles.openColumns(p, Set.of(Column.values()))) {
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                long[] h = hash.of(b).clone();
                long[] h1 = v1.of(b);
                for (int k = 0; k < b.size(); k++, i++) {
                    assertEquals(EventHash.of(events.get(i)), h[k], "row " + i);
                    assertEquals(EventHash.of(events.get(i), 1), h1[k], "format 1, row " + i);
                    assertEquals(events.get(i), b.event(k), "row " + i);
                }
            }
        }
        assertEquals(events.size(), i);
    }
}
