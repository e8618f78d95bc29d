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

    /**
     * A sparse reader's optional LONG/INT/NAME columns, decoded from their bitmap, ranks and
     * values here, give the dense reader's values row by row; its other columns are dense, and
     * its batches expanded on demand give the same rows.
     */
    @Test
    void sparseColumnsHoldTheDenseValues() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(30_011);
        Path p = dir.resolve("s.parquet");
        ParquetPagesTest.write(p, events, 2000, 10_000, 4000);
        Set<Column> all = EnumSet.allOf(Column.class);
        for (int rows : new int[] {1, 63, 64, 65, 777, 4096}) {
            for (int threads : new int[] {1, 2}) {
                List<TraceEvent> got = new ArrayList<>();
                int sparseCols = 0;
                try (ParquetBatchReader dense = new ParquetBatchReader(p, all, 1, rows);
                     ParquetBatchReader sparse = new ParquetBatchReader(p, all, threads, rows).sparse()) {
                    for (EventBatch d = dense.next(), s = sparse.next(); d != null; d = dense.next(), s = sparse.next()) {
                        assertEquals(d.size(), s.size());
                        for (Column c : all) {
                            boolean optionalScalar = c.nullable() && (c.type() == Column.Type.LONG
                                    || c.type() == Column.Type.INT || c.type() == Column.Type.NAME);
                            assertEquals(optionalScalar, s.isSparse(c), c.columnName());
                            if (!optionalScalar) continue;
                            sparseCols++;
                            for (int r = 0; r < d.size(); r++) {
                                long want = c.type() == Column.Type.NAME ? d.ids(c)[r] : d.longs(c)[r];
                                long absent = c.type() == Column.Type.NAME ? -1 : TraceEvent.NULL;
                                assertEquals(want, fromSparse(s, c, r, absent), c.columnName() + " row " + r + ", " + rows + " rows per batch");
                            }
                            int words = (s.size() + 63) >>> 6;
                            int count = 0;
                            for (int r = 0; r < s.size(); r++) if ((s.present(c)[r >>> 6] >>> r & 1) != 0) count++;
                            assertEquals(count, s.ranks(c)[words], c.columnName() + ": ranks end at the value count");
                        }
                        got.addAll(ParallelColumnsTest.rows(s));
                    }
                    assertEquals(null, sparse.next());
                }
                assertTrue(sparseCols > 0);
                assertEquals(events, got, rows + " rows per batch, " + threads + " thread(s), sparse, expanded");
            }
        }
    }

    /** Row r of sparse column c, read from its bitmap, ranks and values (absent when clear). */
    private static long fromSparse(EventBatch b, Column c, int r, long absent) {
        long w = b.present(c)[r >>> 6];
        if ((w >>> r & 1) == 0) return absent;
        int at = b.ranks(c)[r >>> 6] + Long.bitCount(w & ((1L << (r & 63)) - 1));
        return c.type() == Column.Type.NAME ? b.sparseIds(c)[at] : b.sparseLongs(c)[at];
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        Path p = dir.resolve("none.parquet");
        assertThrows(IllegalArgumentException.class, () -> new ParquetBatchReader(p, EnumSet.of(Column.SEQ), 1, 0));
    }
}
