package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-over diagnostic ({@link HandOverLog}): with its property set, each pass of a cursor
 * with a reader thread appends one block naming every batch the caller took and every batch the
 * thread decoded; without it, nothing is written.
 */
class HandOverLogTest {
    @TempDir
    Path dir;

    private static final Pattern PASS = Pattern.compile("^pass (\\S+): (\\d+) batches taken, (\\d+) rows; first batch [0-9.]+ ms; later waits [0-9.]+ ms",
            Pattern.MULTILINE);

    /** Rows read through a projected cursor with its reader thread. */
    private static long read(Path p) throws IOException {
        long n = 0;
        try (TraceCursor c = TraceFiles.openCursor(p, EnumSet.of(Column.CMD, Column.ARGS), Long.MIN_VALUE, true, false, w -> { })) {
            while (c.next()) n++;
        }
        return n;
    }

    @Test
    void eachPassAppendsABlockNamingEveryBatch() throws IOException {
        Path p = dir.resolve("t.parquet");
        List<TraceEvent> events = CursorTest.edgy(20_000);
        TraceRoundTripTest.write(p, events);
        Path log = dir.resolve("handover.log");
        String before = System.getProperty(HandOverLog.PROPERTY);
        System.setProperty(HandOverLog.PROPERTY, log.toString());
        try {
            assertEquals(events.size(), read(p));
            assertEquals(events.size(), read(p));
        } finally {
            if (before == null) System.clearProperty(HandOverLog.PROPERTY); else System.setProperty(HandOverLog.PROPERTY, before);
        }
        String text = Files.readString(log);
        Matcher m = PASS.matcher(text);
        int passes = 0;
        // 4,096-row batches of the projected cursor
        int batches = (events.size() + 4095) / 4096;
        while (m.find()) {
            passes++;
            assertEquals(p.toString(), m.group(1));
            assertEquals(batches + 1, Integer.parseInt(m.group(2)), "every batch and the end");
            assertEquals(events.size(), Long.parseLong(m.group(3)));
        }
        assertEquals(2, passes);
        // one decode line per batch the thread decoded (and the end), look-ahead pieces marked -1
        long decodes = text.lines().filter(l -> l.startsWith("  decode: ") && !l.contains("batch") && !l.split(" ")[4].equals("-1")).count();
        assertEquals(2L * (batches + 1), decodes);
    }

    @Test
    void withoutThePropertyNothingIsWritten() throws IOException {
        Path p = dir.resolve("t.parquet");
        TraceRoundTripTest.write(p, CursorTest.edgy(5_000));
        assertEquals(null, System.getProperty(HandOverLog.PROPERTY));
        assertEquals(null, HandOverLog.create());
        try (var files = Files.list(dir)) {
            long before = files.count();
            assertEquals(5_000, read(p));
            try (var after = Files.list(dir)) {
                assertEquals(before, after.count());
            }
        }
        assertFalse(Files.exists(dir.resolve("-")));
        assertTrue(Files.exists(p));
    }
}
