package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.arrow.ArrowStreamSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Arrow recording that never closes is readable up to its last written batch. */
class CrashSafetyTest {
    @TempDir
    Path dir;

    private record Read(long events, boolean complete, String chainBreak, List<String> warnings) {
    }

    private static Read readAll(Path p) throws IOException {
        List<String> warnings = new ArrayList<>();
        long n = 0;
        try (VerifyingReader r = TraceFiles.open(p, warnings::add)) {
            long expectSeq = 0;
            while (r.hasNext()) {
                assertEquals(expectSeq++, r.next().seq());
                n++;
            }
            return new Read(n, r.complete(), r.chainBreak(), warnings);
        }
    }

    /** Records 3 batches and 1,000 rows in a child process, kills it, and reads what it left. */
    private Read killedAfterThreeBatches(String writes) throws Exception {
        Path p = dir.resolve("killed-" + writes + ".arrows");
        int events = 3 * ArrowStreamSink.BATCH + 1000;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), RecordUntilKilled.class.getName(),
                p.toString(), Integer.toString(events), writes).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertEquals("written", out.readLine());
            child.destroyForcibly(); // SIGKILL on Linux: no close, no shutdown hooks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        return readAll(p);
    }

    /** Ordinary writes: every batch handed to the file before the kill is there. */
    @Test
    void killedRecorderLeavesWholeBatches() throws Exception {
        Read r = killedAfterThreeBatches("buffered");
        assertEquals(3L * ArrowStreamSink.BATCH, r.events());
        assertIncomplete(r);
    }

    /**
     * O_DIRECT (the default): the write of the last batch may still be under way on the
     * background thread when the process dies, so that batch may be lost, never a part of one
     * (docs/trace-format.md, "O_DIRECT"). A CI run on a loaded machine lost it once.
     */
    @Test
    void killedDirectRecorderLeavesWholeBatchesButPerhapsTheLast() throws Exception {
        Read r = killedAfterThreeBatches("direct");
        assertTrue(r.events() == 3L * ArrowStreamSink.BATCH || r.events() == 2L * ArrowStreamSink.BATCH,
                "whole batches, at most the last one lost: " + r.events());
        assertIncomplete(r);
    }

    private static void assertIncomplete(Read r) {
        assertFalse(r.complete());
        assertNull(r.chainBreak());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("incomplete"), r.warnings().get(0));
    }

    @Test
    void tornLastBatchIsDropped() throws IOException {
        Path p = dir.resolve("t.arrows");
        TraceRoundTripTest.write(p, TraceRoundTripTest.sample(2 * ArrowStreamSink.BATCH + 10));
        long full = Files.size(p);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(full - 2000); // inside the last (10-row) batch
        }
        Read r = readAll(p);
        assertEquals(2L * ArrowStreamSink.BATCH, r.events());
        assertFalse(r.complete());
        assertNull(r.chainBreak());
    }

    @Test
    void finishedRecordingIsComplete() throws IOException {
        Path p = dir.resolve("ok.arrows");
        TraceRoundTripTest.write(p, TraceRoundTripTest.sample(ArrowStreamSink.BATCH + 1));
        Read r = readAll(p);
        assertEquals(ArrowStreamSink.BATCH + 1L, r.events());
        assertTrue(r.complete());
        assertEquals(List.of(), r.warnings());
    }
}
