package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch size of the Parquet reader changes only where batches end: the rows and their
 * values are the same whether a batch ends inside a page, at a page end or at a row-group
 * end, on one thread or two.
 */
class BatchRowsTest {
    @TempDir
    Path dir;

    private static List<TraceEvent> read(Path p, Set<Column> cols, int threads, int batchRows, int[] largest)
            throws IOException {
        List<TraceEvent> out = new ArrayList<>();
        try (ParquetBatchReader r = new ParquetBatchReader(p, cols, threads, batchRows)) {
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                largest[0] = Math.max(largest[0], b.size());
                out.addAll(ParallelColumnsTest.rows(b));
            }
        }
        return out;
    }

    @Test
    void rowsDoNotDependOnTheBatchSize() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(30_011);
        Path p = dir.resolve("t.parquet");
        // pages of 2,000 rows, row groups of 10,000: batches of 1,000 end at page ends,
        // batches of 777 inside pages, batches of 4,096 across pages and at row-group ends
        ParquetPagesTest.write(p, events, 2000, 10_000, 4000);
        Set<Column> all = EnumSet.allOf(Column.class);
        for (int rows : new int[] {1, 777, 1000, 4096, ParquetBatchReader.BATCH_ROWS}) {
            for (int threads : new int[] {1, 2}) {
                int[] largest = {0};
                List<TraceEvent> got = read(p, all, threads, rows, largest);
                assertEquals(events, got, rows + " rows per batch, " + threads + " thread(s)");
                assertTrue(largest[0] <= rows, "a batch of " + largest[0] + " rows when " + rows + " were asked");
            }
        }
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        Path p = dir.resolve("none.parquet");
        assertThrows(IllegalArgumentException.class, () -> new ParquetBatchReader(p, EnumSet.of(Column.SEQ), 1, 0));
    }
}
