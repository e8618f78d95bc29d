package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sparse form of the list and payload columns ({@link ParquetBatchReader#sparseSpans}):
 * read from its bitmap, ranks and boundaries it gives the dense reader's lists and bytes row
 * by row, and its batches expanded on demand give the same rows.
 */
class SparseSpansTest {
    private static final Set<Column> SPANS = EnumSet.of(Column.ARGS, Column.OUT, Column.PAYLOAD, Column.CHAIN);

    @TempDir
    Path dir;

    @Test
    void sparseSpansHoldTheDenseRows() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(30_011);
        // the payload dictionary (its rows shared) and, past 20,000 bytes of it, PLAIN pages (rows copied)
        for (long payloadDict : new long[] {BytesLeaf.MAX_DICTIONARY_BYTES, 20_000}) {
            Path p = dir.resolve("s" + payloadDict + ".parquet");
            ParquetPagesTest.write(p, events, 2000, 10_000, 4000, payloadDict);
            Set<Column> all = EnumSet.allOf(Column.class);
            for (int rows : new int[] {3, 63, 64, 65, 777, 4096, ParquetBatchReader.BATCH_ROWS}) {
                for (int threads : new int[] {1, 2}) {
                    String what = rows + " rows per batch, " + threads + " thread(s), payload dictionary " + payloadDict;
                    List<TraceEvent> got = new ArrayList<>();
                    int[] seen = new int[3];
                    try (ParquetBatchReader dense = new ParquetBatchReader(p, all, 1, rows);
                         ParquetBatchReader sparse = new ParquetBatchReader(p, all, threads, rows).sparseSpans()) {
                        for (EventBatch d = dense.next(), s = sparse.next(); d != null; d = dense.next(), s = sparse.next()) {
                            assertEquals(d.size(), s.size());
                            for (Column c : SPANS) {
                                assertTrue(s.isSparse(c), c.columnName());
                                for (int r = 0; r < d.size(); r++) {
                                    if (c.type() == Column.Type.LONGS) {
                                        long[] want = d.list(c, r);
                                        assertArrayEquals(want, list(s, c, r), c.columnName() + " row " + r + ", " + what);
                                        seen[want == null ? 0 : want.length == 0 ? 1 : 2]++;
                                    } else {
                                        assertArrayEquals(d.byteArray(c, r), bytes(s, c, r), c.columnName() + " row " + r + ", " + what);
                                    }
                                }
                            }
                            assertTrue(!s.isSparse(Column.PA), "scalars stay dense without sparse()");
                            got.addAll(ParallelColumnsTest.rows(s));
                        }
                        assertEquals(null, sparse.next());
                    }
                    assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, "null, empty and non-empty lists: " + Arrays.toString(seen));
                    assertEquals(events, got, what + ", sparse, expanded");
                }
            }
        }
    }

    /** Row r of sparse list column c from its bitmap, ranks and boundaries (null when its bit is clear). */
    private static long[] list(EventBatch b, Column c, int r) {
        int k = span(b, c, r);
        if (k < 0) return null;
        int[] off = b.sparseOffsets(c);
        return Arrays.copyOfRange(b.listValues(c), off[k], off[k + 1]);
    }

    private static byte[] bytes(EventBatch b, Column c, int r) {
        int k = span(b, c, r);
        if (k < 0) return null;
        int[] off = b.sparseOffsets(c);
        int at = b.sparseStarts(c)[k];
        return Arrays.copyOfRange(b.bytes(c), at, at + off[k + 1] - off[k]);
    }

    private static int span(EventBatch b, Column c, int r) {
        long w = b.present(c)[r >>> 6];
        if ((w >>> r & 1) == 0) return -1;
        return b.ranks(c)[r >>> 6] + Long.bitCount(w & ((1L << (r & 63)) - 1));
    }
}
