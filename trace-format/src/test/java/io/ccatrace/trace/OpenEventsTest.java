package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TraceFiles#openEvents} (a read-ahead cursor's rows as objects, for diff) gives the
 * events that were written, and the same events, metadata and warnings as the row reader
 * ({@link TraceFiles#open(Path, java.util.function.Consumer)}).
 */
class OpenEventsTest {
    private static final int ROWS = 2 * 8192 + 3000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet", "t.jsonl"})
    void theWrittenEventsAsTheRowReaderGivesThem(String name) throws IOException {
        List<TraceEvent> written = CursorTest.edgy(ROWS);
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, written);
        List<String> fast = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        TraceMetadata[] fastEnd = new TraceMetadata[1];
        TraceMetadata[] rowsEnd = new TraceMetadata[1];
        assertEquals(written, read(TraceFiles.openEvents(p, fast::add), fastEnd));
        assertEquals(written, read(TraceFiles.open(p, rows::add), rowsEnd));
        assertEquals(rowsEnd[0].asMap(), fastEnd[0].asMap(), "metadata after the end");
        assertEquals(List.of(), fast);
        assertEquals(List.of(), rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void anEditedRowIsWarnedAsTheRowReaderWarnsIt(String name) throws IOException {
        List<TraceEvent> good = CursorTest.edgy(ROWS);
        List<TraceEvent> bad = CursorChainTest.editedAt(good, 9000);
        Path p = dir.resolve(name);
        CursorChainTest.writeWithChainOf(p, bad, good);
        List<String> fast = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        assertEquals(bad, read(TraceFiles.openEvents(p, fast::add), null), "the rows as stored, read on past the break");
        assertEquals(bad, read(TraceFiles.open(p, rows::add), null));
        assertEquals(rows, fast);
        assertEquals(1, fast.size(), fast.toString());
        assertTrue(fast.get(0).contains("integrity chain broken: an event in seq 8192..12287"), fast.get(0));
    }

    /**
     * A cursor over a JSONL trace gives the verdict of the row reader under it (which checks
     * the chain itself): the same break, digest and row count as that reader alone, intact and
     * with one row's time edited in the text.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aJsonlCursorGivesItsRowReadersVerdict(boolean edited) throws IOException {
        Path p = dir.resolve("t.jsonl");
        TraceRoundTripTest.write(p, CursorTest.edgy(ROWS));
        if (edited) {
            List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(p));
            int i = 1 + 5000; // the metadata line, then seq 0, 1, ...
            String before = lines.get(i);
            lines.set(i, before.replaceFirst("\"time\":([0-9]+)", "\"time\":1$1"));
            assertTrue(!before.equals(lines.get(i)), before);
            java.nio.file.Files.write(p, lines);
        }
        String[] rows = new String[2];
        long rowCount;
        try (VerifyingReader r = TraceFiles.open(p, w -> { })) {
            while (r.hasNext()) r.next();
            rows[0] = r.chainBreak();
            rows[1] = r.computedDigest();
            rowCount = r.count();
        }
        try (TraceCursor c = TraceFiles.openCursor(p, java.util.EnumSet.allOf(Column.class), Long.MIN_VALUE, true, w -> { })) {
            long n = 0;
            while (c.next()) n++;
            assertEquals(rowCount, n);
            assertEquals(rows[0], c.chainBreak(), "chain break");
            assertEquals(rows[1], c.computedDigest(), "digest");
            assertEquals(rowCount, c.rowsRead());
        }
        assertEquals(edited, rows[0] != null, "the edit breaks the chain: " + rows[0]);
        assertTrue(rows[1] != null);
    }

    /**
     * A damaged file (16 bytes overwritten at 10%..90% of it): the same events, warnings and
     * error as the row reader gives, though the batch decoders refuse a whole batch, and some
     * pages parquet-java decodes, at the first damaged value.
     */
    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void aDamagedFileGivesWhatTheRowReaderGives(String name) throws IOException {
        Path good = dir.resolve(name);
        TraceRoundTripTest.write(good, CursorTest.edgy(ROWS));
        byte[] bytes = java.nio.file.Files.readAllBytes(good);
        int refused = 0;
        for (int k = 1; k <= 9; k++) {
            int at = bytes.length * k / 10;
            byte[] b = bytes.clone();
            for (int i = 0; i < 16; i++) b[at + i] ^= (byte) 0xA5;
            Path p = java.nio.file.Files.write(dir.resolve("damaged-" + k + "-" + name), b);
            Outcome fast = outcome(p, true);
            Outcome rows = outcome(p, false);
            assertEquals(rows, fast, "damaged at byte " + at);
            if (fast.error() != null) refused++;
        }
        assertTrue(refused > 0, "no damage made the trace unreadable: the test shows nothing");
    }

    /** What a reader gives: its events, its warnings, and the message of the error it ends with (or null). */
    private record Outcome(List<TraceEvent> events, List<String> warnings, String error) {
    }

    private static Outcome outcome(Path p, boolean fast) {
        List<TraceEvent> events = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String error = null;
        try (TraceReader r = fast ? TraceFiles.openEvents(p, warnings::add) : TraceFiles.open(p, warnings::add)) {
            while (r.hasNext()) events.add(r.next());
        } catch (IOException | RuntimeException e) {
            error = e.getMessage();
        }
        return new Outcome(events, warnings, error);
    }

    /** Every event; the metadata after the end into end[0] when end is given. */
    private static List<TraceEvent> read(TraceReader r, TraceMetadata[] end) throws IOException {
        List<TraceEvent> out = new ArrayList<>();
        try (r) {
            while (r.hasNext()) out.add(r.next());
            if (end != null) end[0] = r.metadata();
        }
        return out;
    }
}
