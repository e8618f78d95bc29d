package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column chunks are read straight into arrays ({@link ChannelInputFile}) that are used again
 * once their row group is closed ({@link ChunkBuffers}): no batch, however long it is held,
 * sees a later row group's bytes.
 */
class ChunkBuffersTest {
    @TempDir
    Path dir;

    @Test
    void aReleasedArrayIsHandedOutAgainOnlyOnce() {
        ChunkBuffers pool = new ChunkBuffers();
        ByteBuffer a = pool.allocate(10_000);
        assertEquals(0, a.position());
        assertEquals(10_000, a.remaining());
        assertEquals(10_000, a.capacity());
        pool.release(a);
        pool.release(a);
        ByteBuffer b = pool.allocate(9_000);
        assertSame(a.array(), b.array(), "given back: used again");
        assertEquals(9_000, b.remaining());
        ByteBuffer c = pool.allocate(9_000);
        assertNotSame(a.array(), c.array(), "given back twice, handed out once");
        ByteBuffer foreign = ByteBuffer.allocate(1 << 16);
        pool.release(foreign);
        assertNotSame(foreign.array(), pool.allocate(100).array());
        assertThrows(NegativeArraySizeException.class, () -> pool.allocate(-1));
    }

    @Test
    void theFileIsReadIntoBuffersAsItIsAndEndsWithAnEofException() throws IOException {
        Path p = dir.resolve("t.parquet");
        ParquetPagesTest.write(p, ParquetPagesTest.rows(3_000), 1000, 1000, 1000);
        byte[] file = Files.readAllBytes(p);
        ChannelInputFile in = new ChannelInputFile(p);
        assertEquals(file.length, in.getLength());
        try (SeekableInputStream s = in.newStream()) {
            s.seek(100);
            ByteBuffer b = ByteBuffer.allocate(5000);
            b.position(7);
            s.readFully(b);
            assertEquals(5093, s.getPos());
            assertTrue(Arrays.equals(Arrays.copyOfRange(file, 100, 5093), Arrays.copyOfRange(b.array(), 7, 5000)));
            s.seek(file.length - 3);
            assertThrows(EOFException.class, () -> s.readFully(ByteBuffer.allocate(8)));
            s.seek(file.length - 3);
            assertThrows(EOFException.class, () -> s.readFully(new byte[8]));
        }
    }

    /**
     * Batches held while the reader goes on through later row groups (as a read-ahead thread
     * queues them), read only just before their object is refilled, still hold their own rows:
     * our ZSTD files and a parquet-java rewrite with uncompressed pages (whose pages are slices
     * of the chunk arrays themselves).
     */
    @Test
    void batchesHeldAcrossLaterRowGroupsKeepTheirRows() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(30_011);
        Path zstd = dir.resolve("zstd.parquet");
        ParquetPagesTest.write(zstd, events, 1000, 3000, 1000);
        Path plain = dir.resolve("plain.parquet");
        StorageDigestTest.reEncode(zstd, plain, false, -1, CompressionCodecName.UNCOMPRESSED, 700, 256 << 10);
        try (ParquetFileReader r = ParquetFooter.open(plain)) {
            assertTrue(r.getRowGroups().size() > 3, "several row groups: " + r.getRowGroups().size());
        }
        for (Path p : new Path[] {zstd, plain}) {
            for (int rows : new int[] {500, 4096}) {
                assertEquals(events, readLate(p, rows), p.getFileName() + ", " + rows + " rows per batch");
            }
        }
    }

    private static List<TraceEvent> readLate(Path p, int batchRows) throws IOException {
        List<TraceEvent> got = new ArrayList<>();
        try (ParquetBatchReader r = new ParquetBatchReader(p, EnumSet.allOf(Column.class), 1, batchRows).sparse().sparseSpans()) {
            int keep = r.keep(16);
            assertEquals(16, keep);
            ArrayDeque<EventBatch> held = new ArrayDeque<>();
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                held.add(b);
                // the oldest was returned keep - 2 calls ago: unchanged until one call more
                if (held.size() == keep - 1) got.addAll(ParallelColumnsTest.rows(held.poll()));
                // all the work ahead there is, as the reader thread does while its queue is full:
                // the next row group is read while this one's later pages are still to come
                for (int i = 0; r.lookAhead(); i++) assertTrue(i < 100_000, "lookAhead never runs out of work");
            }
            while (!held.isEmpty()) got.addAll(ParallelColumnsTest.rows(held.poll()));
        }
        return got;
    }
}
