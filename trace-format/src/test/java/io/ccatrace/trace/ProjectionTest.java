package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The columnar path gives the same values as the row path, in every format. */
class ProjectionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet", "t.jsonl"})
    void projectionMatchesRows(String name) throws IOException {
        List<TraceEvent> events = TraceRoundTripTest.sample(150_000);
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, events);
        Set<Column> cols = Set.of(Column.SEQ, Column.KIND, Column.PA, Column.CPU, Column.CMD, Column.EXIT_REASON);
        int i = 0;
        try (BatchReader r = TraceFiles.openColumns(p, cols)) {
            assertEquals("1.0", r.metadata().get(TraceMetadata.RMM_MODEL));
            EventBatch b;
            while ((b = r.next()) != null) {
                long[] seq = b.longs(Column.SEQ);
                long[] pa = b.longs(Column.PA);
                long[] cpu = b.longs(Column.CPU);
                int[] cmd = b.ids(Column.CMD);
                int[] exit = b.ids(Column.EXIT_REASON);
                for (int k = 0; k < b.size(); k++, i++) {
                    TraceEvent e = events.get(i);
                    assertEquals(e.seq(), seq[k]);
                    assertEquals(e.kind(), b.kind(k));
                    assertEquals(e.pa(), pa[k]);
                    assertEquals(e.cpu() == TraceEvent.NULL_INT ? TraceEvent.NULL : e.cpu(), cpu[k]);
                    assertEquals(e.cmd(), cmd[k] < 0 ? null : b.names(Column.CMD)[cmd[k]]);
                    assertEquals(e.exitReason(), exit[k] < 0 ? null : b.names(Column.EXIT_REASON)[exit[k]]);
                }
                EventBatch batch = b;
                assertThrows(IllegalArgumentException.class, () -> batch.longs(Column.TIME));
            }
        }
        assertEquals(events.size(), i);
    }
}
