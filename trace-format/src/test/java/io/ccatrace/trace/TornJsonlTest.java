package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSONL trace file cut inside a line (a recording to .jsonl killed while it wrote) reads
 * back its whole lines as an unfinished recording: incomplete, no chain break for the rows
 * after the last checkpoint. A plain dump (no metadata line) cut inside a line is still a
 * malformed line, and an empty file is neither.
 */
class TornJsonlTest {
    @TempDir
    Path dir;

    @Test
    void aTraceCutInsideALineKeepsItsWholeLines() throws IOException {
        Path whole = dir.resolve("whole.jsonl");
        List<TraceEvent> rows = TraceRoundTripTest.sample(4096 + 700);
        TraceRoundTripTest.write(whole, rows);
        byte[] b = Files.readAllBytes(whole);
        String text = new String(b, StandardCharsets.UTF_8);
        int line2000 = 0;
        for (int i = 0; i < 2001; i++) line2000 = text.indexOf('\n', line2000) + 1; // metadata line + 2000 rows
        for (int cut : new int[] {line2000 + 5, line2000 + 40}) {
            Path p = Files.write(dir.resolve("cut" + cut + ".jsonl"), Arrays.copyOf(b, cut));
            assertEquals(rows.subList(0, 2000), AbandonTest.readUnfinished(p, new ArrayList<>()));
        }
        // a cut anywhere in that line, e.g. right after a comma (which the parser reports
        // differently from a cut inside a value), keeps the same whole lines
        int end = text.indexOf('\n', line2000);
        for (int cut = line2000 + 1; cut < end; cut++) {
            Path p = Files.write(dir.resolve("cut.jsonl"), Arrays.copyOf(b, cut));
            assertEquals(2000, AbandonTest.readUnfinished(p, new ArrayList<>()).size(), "cut at byte " + (cut - line2000));
        }
    }

    /**
     * An object left open at the end of its line, in the file's last line: the error names the
     * line the object starts on (not the line after it, where the parser met the end), without
     * the parser's own location text.
     */
    @Test
    void anObjectLeftOpenIsReportedAtItsOwnLine() throws IOException {
        Path p = Files.writeString(dir.resolve("open.jsonl"),
                "{\"seq\":0,\"kind\":\"RMI_CALL\",\"time\":0}\n{\"seq\":1,\"kind\":\"RMI_CALL\"\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
            try (TraceReader r = TraceFiles.open(p, w -> { })) {
                while (r.hasNext()) r.next();
            }
        });
        assertTrue(e.getMessage().startsWith(p + ": line 2: not JSON: the file ends inside this line's object"), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), e.getMessage());
    }

    @Test
    void aPlainDumpCutInsideALineIsMalformed() throws IOException {
        Path p = Files.writeString(dir.resolve("dump.jsonl"), "{\"seq\":0,\"kind\":\"RMI_CALL\",\"time\":0}\n{\"seq\":1,\"ki");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
            try (TraceReader r = TraceFiles.open(p, w -> { })) {
                while (r.hasNext()) r.next();
            }
        });
        assertTrue(e.getMessage().startsWith(p + ": line 2: not JSON"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path p = Files.write(dir.resolve("empty.jsonl"), new byte[0]);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceFiles.open(p, w -> { }));
        assertEquals(p + ": empty file (no metadata line, no events)", e.getMessage());
    }
}
