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
