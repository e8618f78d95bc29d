package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.arrow.ArrowStreamSink;
import io.ccatrace.trace.chain.HashChain;
import io.ccatrace.trace.parquet.ParquetSink;
import io.ccatrace.trace.parquet.SmallGroupSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cursor recomputes the integrity chain: it warns once on an edited row and keeps reading. */
class CursorChainTest {
    private static final int ROWS = 20 * 1000;

    @TempDir
    Path dir;

    /** A copy of rows with row i's time one later (a hand edit that the chain must catch). */
    static List<TraceEvent> editedAt(List<TraceEvent> rows, int i) {
        List<TraceEvent> edited = new ArrayList<>(rows);
        edited.set(i, rows.get(i).toBuilder().time(rows.get(i).time() + 1).build());
        return edited;
    }

    /** Writes `written` with the checkpoints of `chained` (so rows that differ break the chain). */
    static void writeWithChainOf(Path p, List<TraceEvent> written, List<TraceEvent> chained) throws IOException {
        write(sink(p, 0), written, chained, -1, UnaryOperator.identity());
    }

    /**
     * A sink for p by its extension; a Parquet one with row groups of groupRows rows (0: the
     * product's 2^20).
     */
    private static RowSink sink(Path p, int groupRows) throws IOException {
        TraceMetadata h = TraceFiles.header(TraceRoundTripTest.meta());
        if (p.toString().endsWith(".arrows")) return new ArrowStreamSink(p, h, new RootAllocator());
        return groupRows == 0 ? new ParquetSink(p, h) : SmallGroupSink.of(p, h, groupRows);
    }

    /**
     * Writes `written` with the checkpoints of `chained`, the one stored at row `damagedAt`
     * (-1: none) passed through `damage` first.
     */
    private static void write(RowSink sink, List<TraceEvent> written, List<TraceEvent> chained, int damagedAt,
                              UnaryOperator<byte[]> damage) throws IOException {
        HashChain chain = new HashChain();
        for (int i = 0; i < written.size(); i++) {
            boolean boundary = chain.add(chained.get(i));
            sink.write(written.get(i));
            if (!boundary && i != written.size() - 1) continue;
            byte[] c = chain.checkpoint();
            sink.checkpoint(i == damagedAt ? damage.apply(c) : c);
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
     * read must warn.
     */
    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void seekIntoTheFirstIntervalStillChecksTheRowsReturned(String name) throws IOException {
        seekBeforeAnEditReportsIt(name, 0, 2 * ArrowStreamSink.BATCH + 6000, 200, 4000);
    }

    /**
     * A seek past whole Arrow batches or Parquet row groups into the first chain interval
     * after one of them: the check must start from the checkpoint stored before that interval
     * (not take the next stored one as given), so the edited row it returns is reported, at
     * its interval. Row groups of 8,192 rows end on a checkpoint as the product's do; groups
     * of 6,000 rows do not (as a Parquet file rewritten by another tool may), and the reader
     * then decodes from the interval's start in the group before.
     */
    @ParameterizedTest
    @CsvSource({"t.arrows,0", "t.parquet,8192", "t.parquet,6000"})
    void seekIntoTheFirstIntervalOfALaterBatchChecksTheRowsReturned(String name, int groupRows) throws IOException {
        int unit = groupRows == 0 ? ArrowStreamSink.BATCH : groupRows;
        seekBeforeAnEditReportsIt(name, groupRows, 3 * unit + 5000, unit + 200, unit + 4000, 2 * unit + 10);
    }

    /**
     * For each edited row: a trace of `rows` rows with that row edited (and the chain of the
     * unedited rows), read from 100 rows before it, returns every row from there and warns
     * once, at the edited row's interval.
     */
    private void seekBeforeAnEditReportsIt(String name, int groupRows, int rows, int... editedRows) throws IOException {
        List<TraceEvent> good = CursorTest.edgy(rows);
        for (int edited : editedRows) {
            List<TraceEvent> bad = editedAt(good, edited);
            Path p = dir.resolve(edited + name);
            write(sink(p, groupRows), bad, good, -1, UnaryOperator.identity());
            long[] n = {0};
            List<String> w = readAll(p, edited - 100, n);
            assertEquals(rows - edited + 100, n[0]);
            assertEquals(1, w.size(), "edit at " + edited + ", seek to " + (edited - 100) + ": " + w);
            long start = edited / HashChain.INTERVAL * HashChain.INTERVAL;
            assertTrue(w.get(0).contains("integrity chain broken: an event in seq " + start + ".."), w.get(0));
        }
    }

    /** Seeks anywhere into an intact trace return every row from there on and warn nothing. */
    @ParameterizedTest
    @CsvSource({"t.arrows,0", "t.parquet,0", "t.parquet,8192", "t.parquet,6000"})
    void seeksIntoAnIntactTraceWarnNothing(String name, int groupRows) throws IOException {
        int rows = 3 * ArrowStreamSink.BATCH + 5000;
        List<TraceEvent> good = CursorTest.edgy(rows);
        Path p = dir.resolve(name);
        write(sink(p, groupRows), good, good, -1, UnaryOperator.identity());
        int b = ArrowStreamSink.BATCH;
        for (long from : new long[] {4095, 4096, 4097, 5999, 6000, 6001, b - 1, b, b + 1, b + 4095, b + 4096,
                2 * b + 17, 18000, rows - 1, rows, rows + 5}) {
            long[] n = {0};
            assertEquals(List.of(), readAll(p, from, n), "from " + from);
            assertEquals(Math.max(0, rows - from), n[0], "from " + from);
        }
    }

    /**
     * The checkpoint a seek starts from is not taken on trust: stored wrong, the interval after
     * it does not chain from it, so the read reports that interval and names the checkpoint;
     * a read from the start reports the interval the wrong checkpoint closes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void aWrongCheckpointWhereTheCheckStartsIsReported(String name) throws IOException {
        int b = ArrowStreamSink.BATCH;
        int rows = 3 * b;
        Path p = damagedCheckpointAt(b - 1, name, rows, c -> {
            c[5] ^= 1;
            return c;
        });
        long[] n = {0};
        List<String> w = readAll(p, b + 100, n);
        assertEquals(rows - b - 100, n[0]);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("integrity chain broken: an event in seq " + b + ".." + (b + 4095)
                + ", or the checkpoint stored at seq " + (b - 1) + " that the check started from,"), w.get(0));
        n[0] = 0;
        List<String> all = readAll(p, Long.MIN_VALUE, n);
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).contains("integrity chain broken: an event in seq 4096.." + (b - 1) + " differs"), all.get(0));
    }

    /** A checkpoint that is not a SHA-256 value (31 bytes) where a seek's check starts is reported, not used. */
    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void aMalformedCheckpointWhereTheCheckStartsIsReported(String name) throws IOException {
        int b = ArrowStreamSink.BATCH;
        int rows = 3 * b;
        Path p = damagedCheckpointAt(b - 1, name, rows, c -> java.util.Arrays.copyOf(c, 31));
        long[] n = {0};
        List<String> w = readAll(p, b + 100, n);
        assertEquals(rows - b - 100, n[0], "the rows are still read");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("integrity chain broken: the checkpoint stored at seq " + (b - 1)
                + ", where the check of the rows from seq " + (b + 100) + " starts, is 31 bytes, not 32"), w.get(0));
    }

    /**
     * Seqs with gaps (an imported trace may have them: seqs are only strictly increasing): the
     * checkpoint before the seek point is then not within one interval's seqs of it, and is
     * found by reading the seq and chain columns from the start, and the batch before it is
     * still skipped, not decoded (an edit there is not what the read reports).
     */
    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void seekIntoATraceWithGapsInItsSeqsChecksTheRowsReturned(String name) throws IOException {
        int rows = 2 * ArrowStreamSink.BATCH;
        List<TraceEvent> good = new ArrayList<>();
        for (TraceEvent e : CursorTest.edgy(rows)) good.add(TraceEvent.builderOf(tripledSeq(e)).build());
        List<TraceEvent> bad = new ArrayList<>(good);
        for (int edited : new int[] {100, 12050}) {
            bad.set(edited, good.get(edited).toBuilder().time(good.get(edited).time() + 1).build());
        }
        Path p = dir.resolve(name);
        write(sink(p, 0), bad, good, -1, UnaryOperator.identity());
        long[] n = {0};
        List<String> w = readAll(p, 3 * 12000, n);
        assertEquals(rows - 12000, n[0]);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("integrity chain broken: an event in seq " + 3 * 8192 + ".." + 3 * 12287), w.get(0));
    }

    /** The row with its seq times 3 (every other column as it is). */
    private static EventView tripledSeq(TraceEvent e) {
        return (EventView) java.lang.reflect.Proxy.newProxyInstance(EventView.class.getClassLoader(),
                new Class<?>[] {EventView.class}, (proxy, m, a) -> m.getName().equals("seq") ? 3 * e.seq() : m.invoke(e, a));
    }

    /** An intact trace of `rows` rows but for the checkpoint stored at row `at`, passed through `damage`. */
    private Path damagedCheckpointAt(int at, String name, int rows, UnaryOperator<byte[]> damage) throws IOException {
        List<TraceEvent> good = CursorTest.edgy(rows);
        Path p = dir.resolve(name);
        write(sink(p, 0), good, good, at, damage);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void editedRowBreaksTheChainAtItsInterval(String name) throws IOException {
        List<TraceEvent> good = CursorTest.edgy(ROWS);
        List<TraceEvent> bad = editedAt(good, 5000);
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
