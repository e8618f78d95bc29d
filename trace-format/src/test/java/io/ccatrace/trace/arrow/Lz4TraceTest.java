package io.ccatrace.trace.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.ArrowWrite;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** LZ4-compressed Arrow traces read back the same events as plain ones, through every reader. */
class Lz4TraceTest {
    private static final TraceMetadata META = TraceMetadata.empty().with(TraceMetadata.SCENARIO, "lz4");
    private static final int EVENTS = 3 * ArrowStreamSink.BATCH + 1234;

    @TempDir
    Path dir;

    private List<TraceEvent> events() {
        List<TraceEvent> rows = new ArrayList<>();
        new SyntheticTrace(EVENTS, 5).forEachRemaining(rows::add);
        return rows;
    }

    private Path write(String name, boolean lz4) throws IOException {
        Path p = dir.resolve(name);
        try (TraceWriter w = TraceFiles.create(p, META, ArrowWrite.DEFAULT.withLz4(lz4))) {
            for (TraceEvent e : events()) w.write(e);
        }
        return p;
    }

    /** Where the k-th LZ4 frame (its magic number) starts in a file's bytes. */
    private static int frame(byte[] b, int k) {
        int found = 0;
        for (int i = 8; i + 4 < b.length; i++) {
            if (b[i] == 0x04 && b[i + 1] == 0x22 && b[i + 2] == 0x4D && b[i + 3] == 0x18 && ++found == k) return i;
        }
        throw new AssertionError("the trace has " + found + " LZ4 frames, fewer than " + k);
    }

    private static List<TraceEvent> rows(Path p) throws IOException {
        List<TraceEvent> out = new ArrayList<>();
        try (TraceReader r = TraceFiles.open(p, w -> { throw new AssertionError("warning: " + w); })) {
            while (r.hasNext()) out.add(r.next());
        }
        return out;
    }

    private static List<TraceEvent> cursor(Path p, long from) throws IOException {
        List<TraceEvent> out = new ArrayList<>();
        try (TraceCursor c = TraceFiles.openCursor(p, from, w -> { throw new AssertionError("warning: " + w); })) {
            while (c.next()) out.add(c.toEvent());
        }
        return out;
    }

    @Test
    void everyReaderSeesTheSameEventsInBothEncodings() throws IOException {
        Path plain = write("plain.arrows", false);
        Path lz4 = write("lz4.arrows", true);
        assertTrue(Files.size(lz4) * 2 < Files.size(plain), Files.size(lz4) + " vs " + Files.size(plain));
        List<TraceEvent> want = events();
        assertEquals(want, rows(plain));
        assertEquals(want, rows(lz4));
        assertEquals(want, cursor(lz4, Long.MIN_VALUE));
        long from = want.get(2 * ArrowStreamSink.BATCH + 100).seq(); // batches before it are skipped
        assertEquals(cursor(plain, from), cursor(lz4, from));
        assertEquals(from, cursor(lz4, from).get(0).seq());
        try (TraceCursor c = TraceFiles.openCursor(lz4, EnumSet.of(Column.SEQ, Column.KIND, Column.PA, Column.PAYLOAD),
                Long.MIN_VALUE, true, w -> { throw new AssertionError(w); })) {
            int i = 0;
            while (c.next()) {
                assertEquals(want.get(i).pa(), c.pa(), "pa of row " + i);
                i++;
            }
            assertEquals(EVENTS, i);
        }
    }

    /** A buffer that declares far more bytes than its frame can hold is refused before anything is allocated. */
    @Test
    void anAbsurdDeclaredSizeIsOneLine() throws IOException {
        Path lz4 = write("lz4.arrows", true);
        byte[] b = Files.readAllBytes(lz4);
        int at = frame(b, 40);
        java.nio.ByteBuffer.wrap(b, at - 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(1L << 40); // its declared size
        Path bad = dir.resolve("huge.arrows");
        Files.write(bad, b);
        for (Executable read : List.<Executable>of(() -> rows(bad), () -> cursor(bad, Long.MIN_VALUE))) {
            TraceFormatException e = assertThrows(TraceFormatException.class, read);
            assertTrue(e.getMessage().startsWith(bad.toString()) && e.getMessage().contains("declares"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aCorruptFrameIsOneLineNamingTheFile() throws IOException {
        Path lz4 = write("lz4.arrows", true);
        byte[] b = Files.readAllBytes(lz4);
        b[frame(b, 40) + 6] ^= 0x55; // the frame's header checksum
        Path bad = dir.resolve("bad.arrows");
        Files.write(bad, b);
        for (Executable read : List.<Executable>of(() -> rows(bad), () -> cursor(bad, Long.MIN_VALUE))) {
            TraceFormatException e = assertThrows(TraceFormatException.class, read);
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
