package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files of trace format 1 (written by the format-1 code before the event hash changed, kept
 * under test resources) still read with an intact chain, and an edit still breaks it.
 */
class FormatOneTest {
    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(FormatOneTest.class.getResource("/format1/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"crash-empty-access.parquet", "small.arrows", "small.jsonl"})
    void formatOneFilesReadIntact(String name) throws Exception {
        List<String> warnings = new ArrayList<>();
        long n = 0;
        try (VerifyingReader r = TraceFiles.open(resource(name), warnings::add)) {
            assertEquals("1", r.metadata().get(TraceMetadata.FORMAT_VERSION));
            while (r.hasNext()) {
                r.next();
                n++;
            }
            assertNull(r.chainBreak());
            assertEquals(r.metadata().get(TraceMetadata.DIGEST), r.computedDigest());
        }
        assertTrue(n >= 100, "rows " + n);
        assertEquals(List.of(), warnings);
        if (name.endsWith(".jsonl")) return;
        long m = 0;
        try (TraceCursor c = TraceFiles.openCursor(resource(name), Long.MIN_VALUE, warnings::add)) {
            while (c.next()) m++;
        }
        assertEquals(n, m);
        assertEquals(List.of(), warnings, "the cursor checks format 1 with the format-1 hash");
    }

    @Test
    void editedFormatOneFileBreaks() throws Exception {
        Path p = dir.resolve("edited.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(resource("small.jsonl")));
        String line = lines.get(1 + 50);
        assertTrue(line.startsWith("{\"seq\":50,"), line);
        lines.set(1 + 50, line.replace("\"time\":", "\"time\":1"));
        Files.write(p, lines);
        List<String> warnings = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(p, warnings::add)) {
            while (r.hasNext()) r.next();
            assertNotNull(r.chainBreak());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("seq 0..99"), warnings.get(0));
    }

    @Test
    void convertWritesTheCurrentFormat() throws IOException, URISyntaxException {
        Path out = dir.resolve("new.arrows");
        try (TraceReader r = TraceFiles.open(resource("small.arrows")); TraceWriter w = TraceFiles.create(out, r.metadata())) {
            while (r.hasNext()) w.write(r.next());
        }
        try (VerifyingReader r = TraceFiles.open(out, w -> { throw new AssertionError(w); })) {
            assertEquals(Integer.toString(FormatVersion.CURRENT), r.metadata().get(TraceMetadata.FORMAT_VERSION));
            while (r.hasNext()) r.next();
            assertNull(r.chainBreak());
        }
    }
}
