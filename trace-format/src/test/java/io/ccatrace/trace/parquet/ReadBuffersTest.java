package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed reader's page and chunk pools go to the next reader opened ({@link ReadBuffers}):
 * the next reader reads the same rows from arrays a previous file's pages and chunks filled,
 * and two readers open at once do not share pools.
 */
class ReadBuffersTest {
    @TempDir
    Path dir;

    private static List<TraceEvent> read(ParquetBatchReader r) throws IOException {
        List<TraceEvent> out = new ArrayList<>();
        for (EventBatch b = r.next(); b != null; b = r.next()) {
            out.addAll(ParallelColumnsTest.rows(b));
            while (r.lookAhead()) {
                // every page and row group ahead, as the reader thread does
            }
        }
        return out;
    }

    @Test
    void theNextReaderOfTheSameColumnsCyclesThroughTheClosedOnesBatchObjects() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(10_000);
        Path p = dir.resolve("t.parquet");
        ParquetPagesTest.write(p, events, 1000, 3000, 1000);
        java.util.Set<EventBatch> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        EnumSet<Column> cols = EnumSet.of(Column.SEQ, Column.KIND, Column.CMD, Column.ARGS, Column.PAYLOAD);
        try (ParquetBatchReader r = new ParquetBatchReader(p, cols, 1, 1000).sparse().sparseSpans()) {
            assertEquals(4, r.keep(4));
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                seen.add(b);
                b.attach(new long[] {1});
            }
        }
        assertEquals(4, seen.size());
        List<TraceEvent> projected = new ArrayList<>();
        try (ParquetBatchReader r = new ParquetBatchReader(p, cols, 1, 1000).sparse().sparseSpans()) {
            assertEquals(4, r.keep(4));
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                assertTrue(seen.contains(b), "a batch object of the reader before");
                assertNull(b.attached(), "nothing attached by the reader before");
                for (int k = 0; k < b.size(); k++) projected.add(b.event(k));
            }
        }
        try (ParquetBatchReader r = new ParquetBatchReader(p, EnumSet.allOf(Column.class), 1, 1000)) {
            EventBatch b = r.next();
            assertFalse(seen.contains(b), "another projection: a new batch object");
            assertEquals(events.get(0), b.event(0));
        }
        // a full read's big batches are not held past close
        EventBatch big;
        try (ParquetBatchReader r = new ParquetBatchReader(p, cols, 1, ParquetBatchReader.BATCH_ROWS)) {
            big = r.next();
        }
        try (ParquetBatchReader r = new ParquetBatchReader(p, cols, 1, ParquetBatchReader.BATCH_ROWS)) {
            assertFalse(big == r.next(), "65,536-row batches: new objects");
        }
        assertEquals(events.size(), projected.size());
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            assertEquals(e.seq(), projected.get(i).seq());
            assertEquals(e.cmd(), projected.get(i).cmd());
        }
    }

    @Test
    void theNextReaderTakesTheClosedOnesPoolsAndReadsTheSameRows() throws IOException {
        List<TraceEvent> a = ParquetPagesTest.rows(20_011);
        List<TraceEvent> b = ParquetPagesTest.rows(9_001);
        Path pa = dir.resolve("a.parquet");
        Path pb = dir.resolve("b.parquet");
        ParquetPagesTest.write(pa, a, 1000, 3000, 1000);
        ParquetPagesTest.write(pb, b, 700, 2000, 500);
        ReadBuffers.take();
        ParquetBatchReader first = new ParquetBatchReader(pa, EnumSet.allOf(Column.class), 1, 4096).sparse().sparseSpans();
        assertEquals(a, read(first));
        first.close();
        ReadBuffers kept = ReadBuffers.take();
        kept.giveBack(new EventBatch[0]);
        for (int i = 0; i < 3; i++) {
            Path p = i % 2 == 0 ? pb : pa;
            try (ParquetBatchReader r = new ParquetBatchReader(p, EnumSet.allOf(Column.class), 1, 777)) {
                // while it is open, another reader gets pools of its own
                ReadBuffers other = ReadBuffers.take();
                assertNotSame(kept, other);
                assertEquals(i % 2 == 0 ? b : a, read(r), "read " + i + " with the pools of the read before");
            }
            ReadBuffers back = ReadBuffers.take();
            assertSame(kept, back, "given back on close");
            back.giveBack(new EventBatch[0]);
        }
    }
}
