package io.ccatrace.trace.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.VerifyingReader;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arrow writer's direct row path (TraceWriter.columns / endRow) writes the same bytes
 * as write() of the same rows, whatever happens around the rows: the seq order is checked,
 * a row started but not ended (a mapping that failed part-way) is not in the trace, at the
 * next row, at close or at abandon, and a closed writer takes no row.
 */
class DirectRowsTest {
    private static final TraceMetadata META = TraceMetadata.empty().with(TraceMetadata.SCENARIO, "direct");

    @TempDir
    Path dir;

    @Test
    void sameBytesOverBatchesAndCheckpoints() throws IOException {
        for (int n : new int[] {1, RowBlock.ROWS, ArrowStreamSink.BATCH, 2 * ArrowStreamSink.BATCH, 2 * ArrowStreamSink.BATCH + 300}) {
            List<TraceEvent> rows = synthetic(n, n);
            assertArrayEquals(written(rows, false), direct(rows, false, false), n + " rows");
        }
    }

    @Test
    void halfRowsAreNotStored() throws IOException {
        List<TraceEvent> rows = synthetic(ArrowStreamSink.BATCH + 1000, 5);
        assertArrayEquals(written(rows, false), direct(rows, true, false), "close");
        assertArrayEquals(written(rows, true), direct(rows, true, true), "abandon");
        Path p = dir.resolve("direct.arrows");
        List<TraceEvent> back = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(p, w -> { })) {
            while (r.hasNext()) back.add(r.next());
            assertFalse(r.complete());
            assertNull(r.chainBreak());
        }
        assertEquals(rows, back);
    }

    @Test
    void rowsOutOfSeqOrderAreRefusedAndNotStored() throws IOException {
        List<TraceEvent> rows = synthetic(3000, 9);
        assertArrayEquals(written(rows, false), each(rows, (w, e, random) -> {
            GivenColumns.give(e, w.columns(), random);
            w.endRow();
            if (e.seq() % 100 == 0) {
                GivenColumns.give(full(e.seq()), w.columns(), random);
                assertThrows(IllegalArgumentException.class, w::endRow);
            }
        }));
    }

    @Test
    void rowsMayMixBothPaths() throws IOException {
        List<TraceEvent> rows = synthetic(5000, 11);
        assertArrayEquals(written(rows, false), each(rows, (w, e, random) -> {
            if (e.seq() % 3 == 0) {
                if (e.seq() % 2 == 0) half(w.columns(), e.seq(), random);
                w.write(e);
            } else {
                GivenColumns.give(e, w.columns(), random);
                w.endRow();
            }
        }));
    }

    @Test
    void aClosedWriterTakesNoRow() throws IOException {
        TraceWriter w = TraceFiles.create(dir.resolve("closed.arrows"), META);
        ColumnSink c = w.columns();
        w.close();
        assertThrows(IllegalStateException.class, () -> c.start(1, EventKind.GPF, 1));
        assertThrows(IllegalStateException.class, w::endRow);
    }

    @Test
    void endingARowThatWasNotStartedIsRefusedAndStoresNothing() throws IOException {
        List<TraceEvent> rows = synthetic(700, 13);
        assertArrayEquals(written(rows, false), each(rows, (w, e, random) -> {
            if (e.seq() == rows.get(0).seq()) assertThrows(IllegalStateException.class, w::endRow);
            GivenColumns.give(e, w.columns(), random);
            w.endRow();
            if (e.seq() % 50 == 0) assertThrows(IllegalStateException.class, w::endRow);
        }));
    }

    /** What a test does with one row. */
    private interface RowStep {
        void row(TraceWriter w, TraceEvent e, Random random) throws IOException;
    }

    /** The trace of step applied to each row, closed. */
    private byte[] each(List<TraceEvent> rows, RowStep step) throws IOException {
        Path p = dir.resolve("direct.arrows");
        Random random = new Random(rows.size());
        try (TraceWriter w = TraceFiles.create(p, META)) {
            for (TraceEvent e : rows) step.row(w, e, random);
        }
        return Files.readAllBytes(p);
    }

    /** The trace of write() of each row, closed or abandoned. */
    private byte[] written(List<TraceEvent> rows, boolean abandon) throws IOException {
        Path p = dir.resolve("written.arrows");
        TraceWriter w = TraceFiles.create(p, META);
        for (TraceEvent e : rows) w.write(e);
        if (abandon) w.abandon(); else w.close();
        return Files.readAllBytes(p);
    }

    /** The same through the direct path; with halves, a row with every column is started and left before some rows and at the end. */
    private byte[] direct(List<TraceEvent> rows, boolean halves, boolean abandon) throws IOException {
        Path p = dir.resolve("direct.arrows");
        TraceWriter w = TraceFiles.create(p, META);
        Random random = new Random(rows.size());
        for (TraceEvent e : rows) {
            if (halves && e.seq() % 7 == 0) half(w.columns(), e.seq(), random);
            GivenColumns.give(e, w.columns(), random);
            w.endRow();
        }
        if (halves) half(w.columns(), Long.MAX_VALUE, random);
        if (abandon) w.abandon(); else w.close();
        return Files.readAllBytes(p);
    }

    /** Starts a row with every column and long lists and payload, and gives only some of its columns. */
    private static void half(ColumnSink c, long seq, Random random) {
        GivenColumns.give(full(seq), new CutAfter(c, 1 + random.nextInt(30)), random);
    }

    private static TraceEvent full(long seq) {
        long[] longs = new long[70];
        for (int i = 0; i < longs.length; i++) longs[i] = 31L * i + seq;
        byte[] bytes = new byte[301];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i + 1);
        return TraceEvent.builder(seq, EventKind.REC_EXIT).time(seq).cpu(1).causeSeq(seq - 1).cmd("HALF_CMD").fid(2)
                .args(longs).status("HALF_STATUS").index(3).out(longs).realm(4).rec(5).ipa(6).pa(7).level(8).from("F")
                .to("T").fromRipas("FR").toRipas("TR").pas("P").ripas("R").exitReason("X").esr(9).far(10).hpfar(11)
                .access("A").half("H").outcome("O").value(12).size(13).payload(bytes).build();
    }

    private static List<TraceEvent> synthetic(int n, long seed) {
        List<TraceEvent> rows = new ArrayList<>();
        new SyntheticTrace(n, seed).forEachRemaining(rows::add);
        return rows;
    }

    /** Passes start and the first n columns on, then nothing (a mapping that failed part-way). */
    private static final class CutAfter implements ColumnSink {
        private final ColumnSink to;
        private int left;

        CutAfter(ColumnSink to, int n) {
            this.to = to;
            this.left = n;
        }

        private boolean pass() {
            return left-- > 0;
        }

        @Override public void start(long seq, EventKind kind, long time) { to.start(seq, kind, time); }
        @Override public void causeSeq(long v) { if (pass()) to.causeSeq(v); }
        @Override public void cpu(int v) { if (pass()) to.cpu(v); }
        @Override public void cmd(String v) { if (pass()) to.cmd(v); }
        @Override public void fid(long v) { if (pass()) to.fid(v); }
        @Override public void args(long[] v) { if (pass()) to.args(v); }
        @Override public void status(String v) { if (pass()) to.status(v); }
        @Override public void index(int v) { if (pass()) to.index(v); }
        @Override public void out(long[] v) { if (pass()) to.out(v); }
        @Override public void realm(long v) { if (pass()) to.realm(v); }
        @Override public void rec(long v) { if (pass()) to.rec(v); }
        @Override public void ipa(long v) { if (pass()) to.ipa(v); }
        @Override public void pa(long v) { if (pass()) to.pa(v); }
        @Override public void level(int v) { if (pass()) to.level(v); }
        @Override public void from(String v) { if (pass()) to.from(v); }
        @Override public void to(String v) { if (pass()) to.to(v); }
        @Override public void fromRipas(String v) { if (pass()) to.fromRipas(v); }
        @Override public void toRipas(String v) { if (pass()) to.toRipas(v); }
        @Override public void pas(String v) { if (pass()) to.pas(v); }
        @Override public void ripas(String v) { if (pass()) to.ripas(v); }
        @Override public void exitReason(String v) { if (pass()) to.exitReason(v); }
        @Override public void esr(long v) { if (pass()) to.esr(v); }
        @Override public void far(long v) { if (pass()) to.far(v); }
        @Override public void hpfar(long v) { if (pass()) to.hpfar(v); }
        @Override public void access(String v) { if (pass()) to.access(v); }
        @Override public void half(String v) { if (pass()) to.half(v); }
        @Override public void outcome(String v) { if (pass()) to.outcome(v); }
        @Override public void value(long v) { if (pass()) to.value(v); }
        @Override public void size(int v) { if (pass()) to.size(v); }
        @Override public void payload(byte[] v) { if (pass()) to.payload(v); }
    }
}
