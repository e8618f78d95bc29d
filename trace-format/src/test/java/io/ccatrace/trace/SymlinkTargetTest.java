package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output path that is a symbolic link is written through, in every format: the link stays
 * a link and the trace lands in the file it points to, as a shell's redirection or any other
 * writer of a file would do (a user may keep traces on another disk behind a link).
 */
class SymlinkTargetTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"arrows", "parquet", "jsonl"})
    void theTraceGoesToTheLinkedFile(String ext) throws IOException {
        Path target = Files.createDirectory(dir.resolve("elsewhere")).resolve("real." + ext);
        Files.write(target, new byte[1 << 20]); // an older, longer file: the trace must replace all of it
        Path link = Files.createSymbolicLink(dir.resolve("t." + ext), target);
        List<TraceEvent> rows = TraceRoundTripTest.sample(300);
        try (TraceWriter w = TraceFiles.create(link, TraceRoundTripTest.meta())) {
            for (TraceEvent e : rows) w.write(e);
        }
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        List<TraceEvent> back = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(target, warnings::add)) {
            while (r.hasNext()) back.add(r.next());
            assertTrue(r.complete());
        }
        assertEquals(rows, back);
        assertEquals(List.of(), warnings);
    }
}
