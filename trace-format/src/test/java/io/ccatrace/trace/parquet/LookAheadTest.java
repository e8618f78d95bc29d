package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work done ahead by {@link ParquetBatchReader#lookAhead} (the next page of each column, the
 * next row group) changes neither the rows nor where and how a corrupt file fails.
 */
class LookAheadTest {
    @TempDir
    Path dir;

    /** Rows read with lookAhead called up to `ahead` times after each batch (-1: until it has nothing left). */
    private static List<TraceEvent> read(Path p, Set<Column> cols, int batchRows, int ahead, int[] done,
                                         Throwable[] failure) throws IOException {
        List<TraceEvent> out = new ArrayList<>();
        try (ParquetBatchReader r = new ParquetBatchReader(p, cols, 1, batchRows).sparse()) {
            try {
                for (EventBatch b = r.next(); b != null; b = r.next()) {
                    out.addAll(ParallelColumnsTest.rows(b));
                    for (int i = 0; ahead < 0 || i < ahead; i++) {
                        if (!r.lookAhead()) break;
                        done[0]++;
                        assertTrue(done[0] < 1_000_000, "lookAhead never runs out of work");
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure[0] = e;
            }
        }
        return out;
    }

    @Test
    void rowsDoNotDependOnWorkDoneAhead() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(30_011);
        Path p = dir.resolve("t.parquet");
        // pages of 2,000 rows, row groups of 10,000: pages and row groups read ahead of their batch
        ParquetPagesTest.write(p, events, 2000, 10_000, 4000);
        Set<Column> all = EnumSet.allOf(Column.class);
        for (int rows : new int[] {777, 4096}) {
            for (int ahead : new int[] {0, 1, 3, -1}) {
                int[] done = {0};
                Throwable[] failure = {null};
                List<TraceEvent> got = read(p, all, rows, ahead, done, failure);
                assertEquals(null, failure[0]);
                assertEquals(events, got, rows + " rows per batch, lookAhead " + ahead);
                if (ahead != 0) assertTrue(done[0] > 0, "lookAhead did some work");
            }
        }
    }

    /**
     * Garbage over part of a column chunk of the second row group (a page header: the row
     * group fails to read; a ZSTD frame: that page fails): with every page and row group read
     * as early as lookAhead allows, the reader fails after the same rows with the same error
     * as without.
     */
    @Test
    void aCorruptChunkFailsAtTheSameRowWithTheSameError() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(30_011);
        Path clean = dir.resolve("clean.parquet");
        ParquetPagesTest.write(clean, events, 2000, 10_000, 4000);
        Set<Column> all = EnumSet.allOf(Column.class);
        boolean groupFailed = false;
        boolean pageFailed = false;
        // pa: mostly its dictionary page and page headers (the row group fails to read);
        // time: delta-coded pages without a dictionary (a page fails to decompress)
        for (int k = 0; k < 2 * 7; k++) {
            String column = k < 7 ? "pa" : "time";
            int eighth = k % 7 + 1;
            ColumnChunkMetaData chunk;
            try (ParquetFileReader r = ParquetFooter.open(clean)) {
                chunk = r.getRowGroups().get(1).getColumns().stream()
                        .filter(c -> c.getPath().toDotString().equals(column)).findFirst().orElseThrow();
            }
            Path p = dir.resolve("c" + k + ".parquet");
            java.nio.file.Files.copy(clean, p);
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                byte[] junk = new byte[16];
                java.util.Arrays.fill(junk, (byte) -1);
                ch.write(ByteBuffer.wrap(junk), chunk.getStartingPos() + chunk.getTotalSize() * eighth / 8);
            }
            Throwable[] plain = {null};
            List<TraceEvent> before = read(p, all, 777, 0, new int[1], plain);
            Throwable[] early = {null};
            int[] done = {0};
            List<TraceEvent> got = read(p, all, 777, -1, done, early);
            String where = "garbage at " + eighth + "/8 of the " + column + " chunk";
            assertTrue(done[0] > 0, where);
            assertEquals(before.size(), got.size(), where);
            assertEquals(plain[0] == null ? null : plain[0].getClass(), early[0] == null ? null : early[0].getClass(), where);
            assertEquals(plain[0] == null ? null : plain[0].getMessage(), early[0] == null ? null : early[0].getMessage(), where);
            if (plain[0] != null && before.size() == 10_000) groupFailed = true;
            if (plain[0] != null && before.size() > 10_000) pageFailed = true;
        }
        assertTrue(groupFailed, "some garbage makes the second row group fail to read");
        assertTrue(pageFailed, "some garbage makes a page of the second row group fail");
    }
}
