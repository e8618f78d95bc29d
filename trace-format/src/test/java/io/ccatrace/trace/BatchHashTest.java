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
        same(name, CursorTest.edgy(70_000));
    }

    /** Payloads of every length up to three words and a bit (the last word partial or whole). */
    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void payloadsOfEveryLength(String name) throws IOException {
        List<TraceEvent> events = new java.util.ArrayList<>();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int len = 0; len <= 27; len++) {
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) b[i] = (byte) rng.nextInt(256);
            events.add(TraceEvent.builder(len, EventKind.NS_READ).time(len).cpu(1).pa(0x8000_0000L + len)
                    .size(len).payload(b).build());
        }
        same(name, events);
    }

    private void same(String name, List<TraceEvent> events) throws IOException {
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
