package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.cli.Ccatrace;
import io.ccatrace.trace.arrow.ArrowStreamSink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: "a recording killed at any moment (kill -9) is readable up to its last flushed
 * batch, and says it is incomplete" -- here through the command line: `ccatrace record` to
 * .arrows killed while it writes, and a recording cut inside its last batch. Every reading
 * command reads what was flushed and warns (one line) that the trace is incomplete; verify
 * says INCOMPLETE with exit 1 (docs/trace-format.md).
 */
class InterruptedRecordingTest {
    /** Rows per Arrow record batch, each flushed to the file as a whole. */
    private static final long BATCH = ArrowStreamSink.BATCH;

    @TempDir
    Path dir;

    @Test
    void recordKilledWhileWritingIsReadableAndIncomplete() throws Exception {
        Path t = dir.resolve("killed.arrows");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Ccatrace.class.getName(), "record", "--scenario", "multi-realm",
                "--events", "50000000", "-o", t.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("record.log").toFile()).start();
        try {
            // two batches are about 20 MB (docs/trace-format.md: ~165 bytes per event)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((!Files.exists(t) || Files.size(t) < 25L << 20) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "the recording ended before it could be killed: " + Files.readString(dir.resolve("record.log")));
        } finally {
            p.destroyForcibly(); // SIGKILL: no close, no shutdown hook
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        long events = readableAndIncomplete(t);
        assertTrue(events >= 2 * BATCH && events % BATCH == 0, "whole flushed batches only: " + events);
    }

    /**
     * SIGTERM (as Ctrl-C's SIGINT) is not a kill: the shutdown hook stops the simulation at
     * its next progress report and ends the trace with every event simulated, so the one line
     * printed names exactly the events the trace keeps, whole batch or not. For Parquet, whose
     * footer is written last, this is the difference between every event and none: a Parquet
     * recording cut short has no readable state (docs/bad-input.md).
     */
    @Test
    void recordStoppedBySignalKeepsEveryEventItSimulated() throws Exception {
        for (String ext : new String[] {"arrows", "parquet"}) {
            Path t = dir.resolve("stopped." + ext);
            Path log = dir.resolve("stopped-" + ext + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), Ccatrace.class.getName(), "record", "--scenario", "multi-realm",
                    "--events", "50000000", "--progress", "off", "--checkpoints", "-o", t.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                // the file exists once the recording (and its shutdown hook) started; then let it run a while
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!Files.exists(t) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
                Thread.sleep(3000);
                assertTrue(p.isAlive(), "the recording ended before it could be stopped: " + Files.readString(log));
                p.destroy(); // SIGTERM: the JVM runs its shutdown hooks
                assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the stopped recording exits");
            } finally {
                p.destroyForcibly();
            }
            assertEquals(143, p.exitValue(), "128 + SIGTERM");
            String line = Files.readString(log).strip();
            String prefix = "ccatrace: " + t + ": recording stopped by a signal after ";
            assertTrue(line.startsWith(prefix) && line.lines().count() == 1, line);
            long events = Long.parseLong(line.substring(prefix.length()).replaceAll("^(\\d+) events; .*", "$1"));
            assertTrue(line.endsWith("the trace keeps all " + events + ", as an unfinished recording (no checkpoints were"
                    + " written: `ccatrace checkpoint " + t + "` makes them)"), line);
            assertFalse(Files.exists(Path.of(t + ".ckpt")), "--checkpoints are made after the recording, which did not end");
            assertTrue(events > 0, line);
            assertEquals(events, readableAndIncomplete(t), ext + ": every event simulated is in the trace");
        }
    }

    @Test
    void recordingCutInsideItsLastBatchKeepsTheWholeOnes() throws IOException {
        Path t = dir.resolve("cut.arrows");
        Cli r = Cli.run("record", "--scenario", "multi-realm", "--events", "140000", "-o", t.toString());
        assertEquals(0, r.code(), r.err());
        Cli info = Cli.run("info", t.toString());
        long recorded = Long.parseLong(info.out().replaceAll("(?s).*\\nevents: ([0-9]+).*", "$1"));
        try (RandomAccessFile f = new RandomAccessFile(t.toFile(), "rw")) {
            f.setLength(f.length() - 1000);
        }
        // the last batch (full or not) is longer than 1,000 bytes: the batches before it remain
        assertEquals((recorded - 1) / BATCH * BATCH, readableAndIncomplete(t));
    }

    /** diff of a recording cut before its first batch: the other trace is the one with more inputs. */
    @Test
    void diffNamesTheTraceThatHasMoreInputs() throws IOException {
        Path whole = dir.resolve("whole.arrows");
        assertEquals(0, Cli.run("record", "--scenario", "boot", "-o", whole.toString()).code());
        Path cut = Files.write(dir.resolve("nothing.arrows"), java.util.Arrays.copyOf(Files.readAllBytes(whole), (int) Files.size(whole) / 2));
        Cli ab = Cli.run("diff", cut.toString(), whole.toString()).noStackTrace();
        assertTrue(ab.out().contains("alignment ends: B has more inputs from seq 0"), ab.out());
        assertTrue(ab.out().contains("no divergent outcome in the 0 inputs before the alignment ended"), ab.out());
        assertEquals(1, ab.code(), "the traces differ: exit 1");
        Cli ba = Cli.run("diff", whole.toString(), cut.toString()).noStackTrace();
        assertTrue(ba.out().contains("alignment ends: A has more inputs from seq 0"), ba.out());
    }

    /** Checks every reading command on an unfinished recording; returns the events readable. */
    private long readableAndIncomplete(Path t) throws IOException {
        String name = t.toString();
        String incomplete = "ccatrace: warning: " + name + ": trace is incomplete (the recording did not finish): ";
        Cli v = Cli.run("verify", name).noStackTrace();
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().startsWith(name + ": INCOMPLETE: the recording did not finish; "), v.out());
        Cli info = Cli.run("info", name).noStackTrace();
        assertTrue(info.out().contains("ccatrace.complete = false"), info.out());
        long events = Long.parseLong(info.out().replaceAll("(?s).*\\nevents: ([0-9]+) \\(incomplete.*", "$1"));
        String last = "seq " + (events - 1);
        for (String[] c : new String[][] {{"dump", "--from", Long.toString(events - 1), name}, {"analyze", name},
            {"stats", name}, {"explain", name}, {"replay", name}, {"state", name, "--at", Long.toString(events - 1)},
            {"convert", name, dir.resolve("c.parquet").toString()}}) {
            Cli r = Cli.run(c).noStackTrace();
            assertTrue(r.code() == 0 || r.code() == 1 && (c[0].equals("analyze") || c[0].equals("replay")),
                    String.join(" ", c) + ": " + r.code() + " " + r.err());
            assertEquals(incomplete + events + " events readable", r.err().strip(), String.join(" ", c));
        }
        assertTrue(Cli.run("dump", "--from", Long.toString(events - 1), name).out().startsWith("{\"seq\":" + (events - 1) + ","), last);
        return events;
    }
}
