package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.arrow.ArrowStreamSink;
import io.ccatrace.trace.chain.HashChain;
import io.ccatrace.trace.parquet.ParquetSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cursor recomputes the integrity chain: it warns once on an edited row and keeps reading. */
class CursorChainTest {
    private static final int ROWS = 20 * 1000;

    @TempDir
    Path dir;

    /** Writes `written` with the checkpoints of `chained` (so rows that differ break the chain). */
    static void writeWithChainOf(Path p, List<TraceEvent> written, List<TraceEvent> chained) throws IOException {
        TraceMetadata h = TraceFiles.header(TraceRoundTripTest.meta());
        RowSink sink = p.toString().endsWith(".arrows") ? new ArrowStreamSink(p, h, new RootAllocator()) : new ParquetSink(p, h);
        HashChain chain = new HashChain();
        for (int i = 0; i < written.size(); i++) {
            boolean boundary = chain.add(chained.get(i));
            sink.write(written.get(i));
            if (boundary || i == written.size() - 1) sink.checkpoint(chain.checkpoint());
        }
        sink.finish(TraceMetadata.empty().with(TraceMetadata.EVENT_COUNT, Integer.toString(written.size()))
                .with(TraceMetadata.COMPLETE, "true").with(TraceMetadata.DIGEST, chain.lastHex()));
    }

    private static List<String> readAll(Path p, long from, long[] count) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (TraceCursor c = TraceFiles.openCursor(p, from, warnings::add)) {
            while (c.next()) count[0]++;
        }
        return warnings;
    }

    /**
     * A seek into the file's first chain interval (whose previous checkpoint is the chain's
     * all-zero start) still checks the rows it returns: the edited row is returned, so the
     * read must warn. (A seek into the first interval of a later batch does not: see
     * docs/trace-format.md.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void seekIntoTheFirstIntervalStillChecksTheRowsReturned(String name) throws IOException {
        int rows = 2 * ArrowStreamSink.BATCH + 6000;
        List<TraceEvent> good = CursorTest.edgy(rows);
        for (int edited : new int[] {200, 4000}) {
            List<TraceEvent> bad = new ArrayList<>(good);
            bad.set(edited, good.get(edited).toBuilder().time(good.get(edited).time() + 1).build());
            Path p = dir.resolve(edited + name);
            writeWithChainOf(p, bad, good);
            long[] n = {0};
            List<String> w = readAll(p, edited - 100, n);
            assertEquals(rows - edited + 100, n[0]);
            assertEquals(1, w.size(), "edit at " + edited + ", seek to " + (edited - 100) + ": " + w);
            long start = edited / HashChain.INTERVAL * HashChain.INTERVAL;
            assertTrue(w.get(0).contains("integrity chain broken: an event in seq " + start + ".."), w.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void editedRowBreaksTheChainAtItsInterval(String name) throws IOException {
        List<TraceEvent> good = CursorTest.edgy(ROWS);
        List<TraceEvent> bad = new ArrayList<>(good);
        bad.set(5000, good.get(5000).toBuilder().time(good.get(5000).time() + 1).build());
        Path p = dir.resolve(name);
        writeWithChainOf(p, bad, good);
        long[] n = {0};
        List<String> w = readAll(p, Long.MIN_VALUE, n);
        assertEquals(ROWS, n[0], "reading continues past the break");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("integrity chain broken: an event in seq 4096..8191"), w.get(0));
        n[0] = 0;
        List<String> fromMiddle = readAll(p, 4000, n);
        assertEquals(ROWS - 4000, n[0]);
        assertEquals(1, fromMiddle.size(), "a seek before the broken interval still finds it: " + fromMiddle);
    }

    @Test
    void arrowSeekSkipsWholeBatchesUnread() throws IOException {
        int batch = ArrowStreamSink.BATCH;
        int rows = batch + 6000;
        List<TraceEvent> good = CursorTest.edgy(rows);
        List<TraceEvent> bad = new ArrayList<>(good);
        int edited = batch - 3000;   // in the first batch's last chain interval
        bad.set(edited, good.get(edited).toBuilder().time(good.get(edited).time() + 1).build());
        Path p = dir.resolve("t.arrows");
        writeWithChainOf(p, bad, good);
        long[] n = {0};
        assertEquals(List.of(), readAll(p, batch + 100, n), "the first batch (with the edit) was skipped, not decoded");
        assertEquals(rows - batch - 100, n[0]);
        n[0] = 0;
        assertEquals(1, readAll(p, batch - 1000, n).size(), "the first batch is decoded and checked, the rows before the seek too");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void intactTraceGivesNoWarningAndTheDigest(String name) throws IOException {
        List<TraceEvent> good = CursorTest.edgy(ROWS);
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, good);
        String digest;
        try (VerifyingReader r = TraceFiles.open(p, w -> { })) {
            while (r.hasNext()) r.next();
            digest = r.computedDigest();
        }
        List<String> warnings = new ArrayList<>();
        try (TraceCursor c = TraceFiles.openCursor(p, Long.MIN_VALUE, warnings::add)) {
            while (c.next()) {
                continue;
            }
            assertEquals(digest, c.metadata().get(TraceMetadata.DIGEST));
            assertEquals(Integer.toString(ROWS), c.metadata().get(TraceMetadata.EVENT_COUNT));
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void unfinishedArrowStreamIsReadAndReported() throws IOException {
        Path p = dir.resolve("t.arrows");
        TraceRoundTripTest.write(p, TraceRoundTripTest.sample(3 * ArrowStreamSink.BATCH));
        byte[] all = Files.readAllBytes(p);
        long[] n = {0};
        List<String> w0 = readAll(p, Long.MIN_VALUE, n);
        assertEquals(List.of(), w0);
        // cut inside the last batch: the two whole batches before it stay readable
        Files.write(p, java.util.Arrays.copyOf(all, all.length - 1000));
        n[0] = 0;
        List<String> w = readAll(p, Long.MIN_VALUE, n);
        assertEquals(2 * ArrowStreamSink.BATCH, n[0], "whole batches");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("trace is incomplete (the recording did not finish): " + n[0] + " events readable"), w.get(0));
    }
}
