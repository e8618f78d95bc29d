package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edited event breaks the chain at its interval; the reader warns once and still reads. */
class ChainTest {
    @TempDir
    Path dir;

    @Test
    void editedEventIsFoundAndReadingContinues() throws IOException {
        Path p = dir.resolve("t.jsonl");
        TraceRoundTripTest.write(p, TraceRoundTripTest.sample(3 * 4096));
        List<String> lines = new ArrayList<>(Files.readAllLines(p));
        String line = lines.get(1 + 5000);
        assertTrue(line.startsWith("{\"seq\":5000,"), line);
        lines.set(1 + 5000, line.replace("\"time\":", "\"time\":1"));
        Files.write(p, lines);
        List<String> warnings = new ArrayList<>();
        long n = 0;
        try (VerifyingReader r = TraceFiles.open(p, warnings::add)) {
            while (r.hasNext()) {
                r.next();
                n++;
            }
            assertNotNull(r.chainBreak());
        }
        assertEquals(3 * 4096, n);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("seq 4096..8191"), warnings.get(0));
    }
}
