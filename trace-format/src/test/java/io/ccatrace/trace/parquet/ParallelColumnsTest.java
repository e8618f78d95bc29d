package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding a batch's columns on several threads, and the next batch ahead, gives the same
 * batches as one thread: same sizes, same rows, across pages and row groups; a batch stays
 * unchanged while the caller holds it; corrupt files fail with the same first error.
 */
class ParallelColumnsTest {
    @TempDir
    Path dir;

    /** Every batch's size and rows (all columns), read on the given number of threads. */
    private static List<List<TraceEvent>> batches(Path p, Set<Column> cols, int threads, boolean doubleBuffer) throws IOException {
        List<List<TraceEvent>> out = new ArrayList<>();
        try (BatchReader r = TraceFiles.openColumns(p, cols, threads)) {
            if (doubleBuffer) assertTrue(r.doubleBuffer());
            EventBatch previous = null;
            List<TraceEvent> previousRows = null;
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                if (doubleBuffer && previous != null) {
                    // the batch returned before this one is still intact (another thread may read it)
                    assertEquals(previousRows, rows(previous), "previous batch changed");
                }
                List<TraceEvent> rows = rows(b);
                out.add(rows);
                previous = b;
                previousRows = rows;
            }
        }
        return out;
    }

    static List<TraceEvent> rows(EventBatch b) {
        List<TraceEvent> l = new ArrayList<>(b.size());
        for (int k = 0; k < b.size(); k++) l.add(b.event(k));
        return l;
    }

    @Test
    void sameBatchesOnOneTwoAndThreeThreads() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(300_007);
        Path p = dir.resolve("t.parquet");
        // row groups of 100,000 rows: batches of 65,536 and 34,464 rows, pages of 2,000
        ParquetPagesTest.write(p, events, 2000, 100_000, 4000);
        Set<Column> all = EnumSet.allOf(Column.class);
        List<List<TraceEvent>> one = batches(p, all, 1, false);
        int total = 0;
        for (List<TraceEvent> b : one) total += b.size();
        assertEquals(events.size(), total);
        assertEquals(events.subList(0, one.get(0).size()), one.get(0));
        assertTrue(one.size() >= 6, "several batches per row group: " + one.size());
        assertEquals(one, batches(p, all, 2, false));
        assertEquals(one, batches(p, all, 2, true));
        assertEquals(one, batches(p, all, 3, true));
    }

    @Test
    void corruptFilesFailTheSameWayOnOneOrTwoThreads() throws IOException {
        Path good = dir.resolve("good.parquet");
        ParquetPagesTest.write(good, ParquetPagesTest.rows(40_000), 1000, 15_000, 1000);
        byte[] bytes = Files.readAllBytes(good);
        Random random = new Random(99);
        Set<Column> cols = EnumSet.of(Column.TIME, Column.KIND, Column.CMD, Column.PA, Column.REALM, Column.EXIT_REASON, Column.ARGS);
        // damage the projected columns' chunks (the payload chunks are most of the file)
        List<long[]> chunks = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(good))) {
            for (BlockMetaData g : r.getRowGroups()) {
                for (ColumnChunkMetaData c : g.getColumns()) {
                    Column col = Column.byName(c.getPath().toArray()[0]);
                    if (cols.contains(col)) chunks.add(new long[] {c.getStartingPos(), c.getTotalSize()});
                }
            }
        }
        Path bad = dir.resolve("bad.parquet");
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            byte[] b = bytes.clone();
            long[] chunk = chunks.get(random.nextInt(chunks.size()));
            int at = (int) (chunk[0] + random.nextInt((int) chunk[1]));
            for (int k = 0; k < 1 + random.nextInt(8); k++) b[Math.min(b.length - 1, at + k)] ^= (byte) (1 + random.nextInt(255));
            Files.write(bad, b);
            String one = outcome(bad, cols, 1);
            assertEquals(one, outcome(bad, cols, 2), "mutant " + i);
            if (!one.startsWith("ok")) failures++;
        }
        assertTrue(failures > 5, "some mutants must fail: " + failures);
    }

    /** "ok" and the rows' hash, or the error message. */
    private static String outcome(Path p, Set<Column> cols, int threads) {
        try (BatchReader r = TraceFiles.openColumns(p, cols, threads)) {
            long h = 0;
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                long[] time = b.longs(Column.TIME);
                int[] kind = b.ids(Column.KIND);
                for (int k = 0; k < b.size(); k++) h = h * 31 + time[k] * 7 + kind[k];
            }
            return "ok " + h;
        } catch (IOException | RuntimeException e) {
            // parquet-java names some objects by identity hash in its messages; the JDK's buffer
            // index check gives the index in its message or not depending on how the JIT compiled
            // the caller (the same failure, seen on the same dictionary page)
            return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("@[0-9a-f]+", "@")
                    .replaceAll("IndexOutOfBoundsException: [0-9-]+$", "IndexOutOfBoundsException")
                    .replaceAll("out of range: [0-9-]+$", "out of range");
        }
    }
}
