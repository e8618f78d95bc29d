package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void recordsAScenarioWithItsMetadata() throws Exception {
        Path t = dir.resolve("boot.jsonl");
        assertEquals(0, run("record", "--scenario", "boot", "--seed", "4", "-o", t.toString()));
        assertTrue(out.toString().startsWith("recorded "), out.toString());
        long n = 0;
        try (TraceReader r = TraceFiles.open(t)) {
            TraceMetadata m = r.metadata();
            assertEquals("boot", m.get(TraceMetadata.SCENARIO));
            assertEquals("4", m.get(TraceMetadata.SEED));
            assertEquals("1.0", m.get(TraceMetadata.RMM_MODEL));
            assertTrue(m.get(ScenarioRecording.OPTIONS_KEY).contains("--seed 4"));
            while (r.hasNext()) {
                TraceEvent e = r.next();
                assertEquals(n++, e.seq());
            }
        }
        assertTrue(n > 1000);
    }

    @Test
    void sameCommandLineSameBytes() throws Exception {
        Path a = dir.resolve("a.parquet");
        Path b = dir.resolve("b.parquet");
        assertEquals(0, run("record", "--scenario", "io-storm", "--seed", "9", "-o", a.toString()));
        assertEquals(0, run("record", "--scenario", "io-storm", "--seed", "9", "-o", b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    // the trace's machine metadata gives the seed in hex ("seed":"0xc"), its scenario options
    // in signed decimal ("--seed -1"): either spelling records the same trace
    @Test
    void aSeedInHexIsTheSameSeed() throws Exception {
        String[][] same = {{"0xc", "12"}, {"0xffffffffffffffff", "-1"}, {"0x8000_0000_0000_0000", "-9223372036854775808"}};
        for (String[] pair : same) {
            Path a = dir.resolve("hex.parquet");
            Path b = dir.resolve("dec.parquet");
            assertEquals(0, run("record", "--scenario", "boot", "--seed", pair[0], "-o", a.toString()), err.toString());
            assertEquals(0, run("record", "--scenario", "boot", "--seed", pair[1], "-o", b.toString()), err.toString());
            assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a), pair[0] + " vs " + pair[1]);
        }
        assertEquals(2, run("record", "--scenario", "boot", "--seed", "-0x1", "-o", dir.resolve("x.parquet").toString()));
        assertTrue(err.toString().contains("'-0x1' is not a seed"), err.toString());
    }

    @Test
    void theWriterThreadWritesTheSameBytes() throws Exception {
        for (String f : new String[] {"arrows", "parquet", "jsonl"}) {
            Path on = dir.resolve("on." + f);
            Path off = dir.resolve("off." + f);
            assertEquals(0, run("record", "--scenario", "multi-realm", "--events", "30000", "--writer-thread=on", "-o", on.toString()));
            assertEquals(0, run("record", "--scenario", "multi-realm", "--events", "30000", "--writer-thread=off", "-o", off.toString()));
            assertArrayEquals(Files.readAllBytes(off), Files.readAllBytes(on), f);
        }
    }

    @Test
    void theWriterThreadIsOnByDefaultFromTwoProcessors() {
        assertFalse(RecordCommand.writerThread("auto", 1));
        assertTrue(RecordCommand.writerThread("auto", 2));
        assertTrue(RecordCommand.writerThread("on", 1));
        assertFalse(RecordCommand.writerThread("off", 8));
    }

    /** --every sets the checkpoints' spacing: without --checkpoints it would be ignored, so it is refused before any file is made. */
    @Test
    void everyWithoutCheckpointsIsOneLineAndExitTwo() {
        Path t = dir.resolve("every.arrows");
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--scenario", "boot", "--every", "100", "-o", t.toString()));
        assertEquals("ccatrace: --every only goes with --checkpoints (or `ccatrace checkpoint TRACE --every N` later)\n",
                err.toString());
        assertFalse(java.nio.file.Files.exists(t));
    }

    /** LZ4 buffers are an Arrow IPC feature: asked for another format, they are refused, not silently dropped. */
    @Test
    void lz4ForAnotherFormatIsOneLineAndExitTwo() {
        Path pq = dir.resolve("lz4.parquet");
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--scenario", "boot", "--arrow-compression", "lz4", "-o", pq.toString()));
        assertEquals("ccatrace: --arrow-compression lz4 is for .arrows output, not " + pq + "\n", err.toString());
        assertFalse(java.nio.file.Files.exists(pq));
    }

    @Test
    void badWriterThreadIsOneLineAndExitTwo() {
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--writer-thread", "yes", "-o", dir.resolve("x.arrows").toString()));
        assertEquals("ccatrace: --writer-thread: must be auto, on or off, got 'yes'\n", err.toString());
        assertFalse(Files.exists(dir.resolve("x.arrows")));
    }

    /**
     * --arrow-compression: none (the default) and lz4 record the same events (the same events and
     * digest), lz4 in fewer bytes, marked for readers of format 3; convert turns one into the other.
     */
    @Test
    void arrowCompressionChangesOnlyTheBytes() throws Exception {
        Path lz4 = dir.resolve("lz4.arrows");
        Path plain = dir.resolve("plain.arrows");
        assertEquals(0, run("record", "--scenario", "multi-realm", "--events", "30000", "--arrow-compression", "lz4", "-o", lz4.toString()));
        assertEquals(0, run("record", "--scenario", "multi-realm", "--events", "30000", "-o", plain.toString()));
        assertTrue(Files.size(lz4) * 2 < Files.size(plain), Files.size(lz4) + " vs " + Files.size(plain));
        try (TraceReader a = TraceFiles.open(lz4, w -> { });
                TraceReader b = TraceFiles.open(plain, w -> { })) {
            assertEquals("3", a.metadata().get(TraceMetadata.MIN_READER_VERSION));
            assertEquals("2", b.metadata().get(TraceMetadata.MIN_READER_VERSION));
            long n = 0;
            while (a.hasNext()) {
                assertTrue(b.hasNext());
                assertEquals(b.next(), a.next());
                n++;
            }
            assertFalse(b.hasNext());
            assertTrue(n > 20_000, "events " + n);
            assertEquals(b.metadata().get(TraceMetadata.DIGEST), a.metadata().get(TraceMetadata.DIGEST));
        }
        Path back = dir.resolve("back.arrows");
        assertEquals(0, run("convert", lz4.toString(), back.toString()));
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(back));
        Path again = dir.resolve("again.arrows");
        assertEquals(0, run("convert", "--arrow-compression", "lz4", plain.toString(), again.toString()));
        assertArrayEquals(Files.readAllBytes(lz4), Files.readAllBytes(again));
    }

    @Test
    void directIoWritesTheSameBytes() throws Exception {
        Path on = dir.resolve("on.arrows");
        Path off = dir.resolve("off.arrows");
        assertEquals(0, run("record", "--scenario", "multi-realm", "--events", "30000", "-o", on.toString()));
        assertEquals(0, run("record", "--scenario", "multi-realm", "--events", "30000", "--direct-io", "off", "-o", off.toString()));
        assertArrayEquals(Files.readAllBytes(off), Files.readAllBytes(on));
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--direct-io", "maybe", "-o", dir.resolve("x.arrows").toString()));
        assertEquals("ccatrace: --direct-io: must be on or off, got 'maybe'\n", err.toString());
    }

    @Test
    void badArrowCompressionIsOneLineAndExitTwo() {
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--arrow-compression", "zstd", "-o", dir.resolve("x.arrows").toString()));
        assertEquals("ccatrace: --arrow-compression: must be lz4 or none, got 'zstd'\n", err.toString());
        assertFalse(Files.exists(dir.resolve("x.arrows")));
    }

    /** A full disk (/dev/full: every write fails with ENOSPC) is the same one-line error with the writer thread as without. */
    @Test
    void aFullDiskIsOneLineAndExitTwoWithOrWithoutTheWriterThread() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full");
        for (String f : new String[] {"arrows", "parquet", "jsonl"}) {
            String[] errs = new String[2];
            for (String mode : new String[] {"off", "on"}) {
                Path t = dir.resolve(mode + "." + f);
                Files.createSymbolicLink(t, full);
                err.getBuffer().setLength(0);
                assertEquals(ExitCodes.BAD_INPUT, run("record", "--scenario", "multi-realm", "--events", "300000",
                        "--writer-thread=" + mode, "-o", t.toString()));
                errs[mode.equals("on") ? 1 : 0] = err.toString();
                Files.delete(t);
            }
            assertEquals(1, errs[1].split("\n").length, errs[1]);
            assertTrue(errs[1].startsWith("ccatrace: ") && errs[1].contains("No space left on device"), errs[1]);
            assertEquals(errs[0], errs[1], f);
        }
    }

    @Test
    void progressSaysHowManyEventsAreWritten() {
        StringWriter s = new StringWriter();
        long[] written = {-1};
        RecordCommand.StderrProgress p = new RecordCommand.StderrProgress(new PrintWriter(s), () -> written[0], true);
        p.update(500_000, 2_000_000);
        written[0] = 1_400_000;
        p.update(1_500_000, 2_000_000);
        assertEquals("\rrecording: 0.5M / 2.0M events (25%)\rrecording: 1.5M / 2.0M events (75%), 1.4M written", s.toString());
    }

    /** For a log: a line per tenth of the target (not a redraw per 0.5M events, which a log keeps in one long line). */
    @Test
    void progressForALogIsALinePerTenth() {
        StringWriter s = new StringWriter();
        RecordCommand.StderrProgress p = new RecordCommand.StderrProgress(new PrintWriter(s), () -> -1, false);
        for (long e = 0; e <= 20_000_000; e += 250_000) p.update(e, 20_000_000);
        String[] lines = s.toString().split("\n");
        assertEquals(11, lines.length, s.toString());
        assertEquals("recording: 0.0M / 20.0M events (0%)", lines[0]);
        assertEquals("recording: 2.0M / 20.0M events (10%)", lines[1]);
        assertEquals("recording: 20.0M / 20.0M events (100%)", lines[10]);
        assertFalse(s.toString().contains("\r"));
    }

    /** Without --events the recording has no target: the line says how far it got, a line per 10M events. */
    @Test
    void progressWithoutATarget() {
        StringWriter s = new StringWriter();
        RecordCommand.StderrProgress p = new RecordCommand.StderrProgress(new PrintWriter(s), () -> -1, false);
        for (long e = 0; e <= 25_000_000; e += 500_000) p.update(e, 0);
        assertEquals("recording: 0.0M events\nrecording: 10.0M events\nrecording: 20.0M events\n",
                s.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void progressStyles() {
        assertEquals(RecordCommand.ProgressStyle.OFF, RecordCommand.progressStyle("auto", 999_999, true));
        assertEquals(RecordCommand.ProgressStyle.REDRAW, RecordCommand.progressStyle("auto", 1_000_000, true));
        assertEquals(RecordCommand.ProgressStyle.LINES, RecordCommand.progressStyle("auto", 1_000_000, false));
        assertEquals(RecordCommand.ProgressStyle.LINES, RecordCommand.progressStyle("lines", 10, true));
        assertEquals(RecordCommand.ProgressStyle.OFF, RecordCommand.progressStyle("off", 50_000_000, true));
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--progress", "loud", "-o", dir.resolve("x.jsonl").toString()));
        assertEquals("ccatrace: --progress: must be auto, redraw, lines or off, got 'loud'\n", err.toString());
        assertFalse(Files.exists(dir.resolve("x.jsonl")));
    }

    @Test
    void unknownScenarioIsOneLineAndExitTwo() {
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--scenario", "nope", "-o", dir.resolve("x.jsonl").toString()));
        assertEquals("ccatrace: --scenario: unknown scenario 'nope' (see ccatrace scenarios)\n", err.toString());
        assertFalse(Files.exists(dir.resolve("x.jsonl")));
    }

    @Test
    void unknownInjectionIsOneLineAndExitTwo() {
        assertEquals(ExitCodes.BAD_INPUT, run("record", "--inject", "destroy-ram,bogus", "-o", dir.resolve("x.jsonl").toString()));
        assertEquals("ccatrace: --inject: unknown injection 'bogus' (see ccatrace scenarios)\n", err.toString());
    }

    @Test
    void missingOutputDirectoryIsOneLineAndExitTwo() {
        Path t = dir.resolve("no-such-dir").resolve("x.parquet");
        assertEquals(ExitCodes.BAD_INPUT, run("record", "-o", t.toString()));
        assertEquals("ccatrace: -o: directory " + t.getParent() + " does not exist\n", err.toString());
    }

    @Test
    void scenariosListsEachScenarioOnOneLine() {
        assertEquals(0, run("scenarios"));
        String[] lines = out.toString().split("\n");
        for (String name : new String[] {"boot", "multi-realm", "io-storm", "crash-destroyed-ram",
                "crash-empty-access", "ripas-reject", "host-fuzz"}) {
            long matching = java.util.Arrays.stream(lines).filter(l -> l.startsWith(name + " ")).count();
            assertEquals(1, matching, name);
        }
        assertTrue(out.toString().contains("  destroy-ram "));
    }

    @Test
    void demoRecordsBootAndSummarizes() {
        assertEquals(0, run("demo", "-o", dir.toString()));
        assertTrue(Files.exists(dir.resolve("boot.parquet")));
        assertTrue(out.toString().contains("realm 0 ended: realm called PSCI SYSTEM_OFF"), out.toString());
        // replay and analyze are in this build: the demo runs both on its trace, cleanly
        assertTrue(out.toString().contains("(replay exit code 0)"), out.toString());
        assertTrue(out.toString().contains("(analyze exit code 0)"), out.toString());
    }
}
