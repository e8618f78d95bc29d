package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.cli.Ccatrace;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.VerifyingReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (as Ctrl-C's SIGINT) during `convert` and `import`, as during `record`
 * (InterruptedRecordingTest): the copy stops at its next row, ends the output as an
 * unfinished trace keeping every row written, and prints one line naming how many; exit 143.
 * Before, the JVM died wherever it was: a Parquet output had no footer (nothing readable), an
 * Arrow output lost its last batch. Here the output must read back with exactly the events the
 * line names, the input's first ones, and say it is unfinished.
 */
class InterruptedCopyTest {
    private static final Pattern STOPPED = Pattern.compile(
            "ccatrace: (convert|import) stopped by a signal after (\\d+) events; (.+) keeps all (\\d+), as an unfinished trace");

    @TempDir
    static Path dir;
    /** 2,000,000 events: converting them takes seconds, so the signal lands part-way. */
    static Path recorded;
    /** 400,000 events as JSON lines: importing them takes seconds too. */
    static Path jsonl;

    @BeforeAll
    static void inputs() {
        recorded = dir.resolve("input.parquet");
        Cli r = Cli.run("record", "--scenario", "multi-realm", "--events", "2000000", "--progress", "off", "-o", recorded.toString());
        assertEquals(0, r.code(), r.err());
        jsonl = dir.resolve("input.jsonl");
        r = Cli.run("record", "--scenario", "multi-realm", "--seed", "2", "--events", "400000", "--progress", "off",
                "-o", jsonl.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void convertToParquetStoppedBySignalKeepsEveryEventCopied() throws Exception {
        Path out = dir.resolve("converted.parquet");
        long events = stopped("convert", out, 0, "convert", recorded.toString(), out.toString());
        assertKeeps(out, recorded, events);
    }

    @Test
    void importToArrowStoppedBySignalKeepsEveryEventImported() throws Exception {
        Path out = dir.resolve("imported.arrows");
        long events = stopped("import", out, 1 << 20, "import", jsonl.toString(), "-o", out.toString());
        assertKeeps(out, jsonl, events);
    }

    @Test
    void importToParquetStoppedBySignalKeepsEveryEventImported() throws Exception {
        Path out = dir.resolve("imported.parquet");
        long events = stopped("import", out, 0, "import", jsonl.toString(), "-o", out.toString());
        assertKeeps(out, jsonl, events);
    }

    /**
     * Runs ccatrace args in a child JVM, sends SIGTERM once out exists (and has grown past
     * minBytes) and a second has passed, and checks the exit status and the one line; returns
     * the events the line names.
     */
    private static long stopped(String command, Path out, long minBytes, String... args) throws Exception {
        Path log = dir.resolve(out.getFileName() + ".log");
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Ccatrace.class.getName()));
        line.addAll(List.of(args));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((!Files.exists(out) || Files.size(out) < minBytes) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(1000);
            assertTrue(p.isAlive(), command + " ended before it could be stopped: " + Files.readString(log));
            p.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the stopped " + command + " exits");
        } finally {
            p.destroyForcibly();
        }
        String printed = Files.readString(log).strip();
        assertEquals(143, p.exitValue(), "128 + SIGTERM: " + printed);
        Matcher m = STOPPED.matcher(printed);
        assertTrue(m.matches(), "one line naming the events kept: " + printed);
        assertEquals(command, m.group(1));
        assertEquals(out.toString(), m.group(3));
        assertEquals(m.group(2), m.group(4));
        return Long.parseLong(m.group(2));
    }

    /** out reads back as an unfinished trace of exactly the first events rows of in, chain intact. */
    private static void assertKeeps(Path out, Path in, long events) throws IOException {
        List<String> warnings = new ArrayList<>();
        long rows = 0;
        boolean more;
        try (VerifyingReader r = TraceFiles.open(out, warnings::add); TraceReader source = TraceFiles.open(in)) {
            while (r.hasNext()) {
                assertTrue(source.hasNext(), "row " + rows + " is not in the input");
                assertEquals(source.next(), r.next(), "row " + rows);
                rows++;
            }
            more = source.hasNext();
            assertFalse(r.complete(), out + " is marked unfinished");
            assertNull(r.chainBreak());
        }
        assertEquals(events, rows, "the output keeps exactly the events the line names");
        assertTrue(events > 0 && more, "the signal landed part-way: " + events + " events kept");
        assertEquals(List.of(VerifyingReader.incomplete(out.toString(), events)), warnings);
        Cli v = Cli.run("verify", out.toString()).noStackTrace();
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().startsWith(out + ": INCOMPLETE: "), v.out());
    }
}
