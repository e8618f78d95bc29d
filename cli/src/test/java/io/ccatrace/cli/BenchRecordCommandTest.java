package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What `bench record` prints (never how fast: no timing is asserted). */
class BenchRecordCommandTest {
    private static final Pattern EVENTS = Pattern.compile("^(.+?)\\s+([0-9,]+) events: ");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** What each printed figure is (before its event count), and the event counts, in order. */
    private void parts(List<String> what, List<String> counts) {
        for (String line : out.toString().split("\n")) {
            Matcher m = EVENTS.matcher(line);
            if (m.find()) {
                what.add(m.group(1).trim());
                counts.add(m.group(2));
            }
        }
    }

    @Test
    void everyPassThenTheMedianOfTheSameRun() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "3000", "--format", "jsonl",
                "--warmup", "0", "--passes", "3"), err.toString());
        List<String> what = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        parts(what, counts);
        assertEquals(List.of("simulate only (pass 1)", "simulate only (pass 2)", "simulate only (pass 3)",
                "simulate + record to .jsonl (pass 1)", "simulate + record, writer thread (pass 1)",
                "simulate + record to .jsonl (pass 2)", "simulate + record, writer thread (pass 2)",
                "simulate + record to .jsonl (pass 3)", "simulate + record, writer thread (pass 3)",
                "simulate only, median", "simulate + record, median", "simulate + record, writer thread, median"), what);
        // every pass simulates the same seeded scenario, recorded or not
        assertEquals(1, counts.stream().distinct().count(), counts.toString());
        assertTrue(out.toString().contains("ns/event"), out.toString());
    }

    /** By default the machine's speed is probed before the first timed pass and after the last (before the medians). */
    @Test
    void theBoxIsProbedBeforeAndAfter() {
        assertEquals(0, run("bench", "record", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "0", "--passes", "2"), err.toString());
        List<String> lines = List.of(out.toString().split("\n"));
        int before = -1;
        int firstPass = -1;
        int lastPass = -1;
        int after = -1;
        int median = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("box before: core ")) before = i;
            if (l.contains("(pass ") && firstPass < 0) firstPass = i;
            if (l.contains("(pass ")) lastPass = i;
            if (l.startsWith("box after:  core ")) after = i;
            if (l.contains(", median") && median < 0) median = i;
        }
        assertTrue(before >= 0 && before < firstPass && lastPass < after && after < median, out.toString());
    }

    @Test
    void glueIsTimedBetweenTheModelAloneAndTheRecording() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "3000", "--format", "jsonl",
                "--warmup", "0", "--passes", "2", "--glue"), err.toString());
        List<String> what = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        parts(what, counts);
        assertEquals(List.of("simulate only (pass 1)", "simulate only (pass 2)",
                "simulate + recorder glue (pass 1)", "simulate + recorder glue (pass 2)",
                "simulate + record to .jsonl (pass 1)", "simulate + record, writer thread (pass 1)",
                "simulate + record to .jsonl (pass 2)", "simulate + record, writer thread (pass 2)",
                "simulate only, median", "simulate + recorder glue, median", "simulate + record, median",
                "simulate + record, writer thread, median"), what);
        // the dropped rows are the same seeded run's events
        assertEquals(1, counts.stream().distinct().count(), counts.toString());
    }

    @Test
    void everyPassShowsTheJitCompileTimeDuringIt() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "0", "--passes", "2", "--glue"), err.toString());
        boolean reported = java.lang.management.ManagementFactory.getCompilationMXBean() != null
                && java.lang.management.ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported();
        Pattern jit = Pattern.compile("  JIT [0-9]+\\.[0-9]{2} s");
        int lines = 0;
        for (String line : out.toString().split("\n")) {
            if (!EVENTS.matcher(line).find()) continue;
            lines++;
            assertEquals(reported, jit.matcher(line).find(), line);
        }
        assertEquals(12, lines, out.toString());
    }

    @Test
    void everyPassShowsTheBytesItsSimulatingThreadAllocatedPerEvent() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "0", "--passes", "2", "--glue"), err.toString());
        boolean counted = ThreadAllocation.bytes() >= 0;
        Pattern alloc = Pattern.compile("  alloc ([0-9]+\\.[0-9]) B/event");
        int lines = 0;
        for (String line : out.toString().split("\n")) {
            if (!EVENTS.matcher(line).find()) continue;
            lines++;
            Matcher m = alloc.matcher(line);
            assertEquals(counted, m.find(), line);
            // a realm's boot writes its images into fresh simulated memory: never nothing
            if (counted) assertTrue(Double.parseDouble(m.group(1)) > 0, line);
        }
        assertEquals(12, lines, out.toString());
    }

    @Test
    void writerPartsComeLastOnTheSameEvents() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "3000", "--format", "arrows",
                "--warmup", "0", "--passes", "2", "--writer", "3000"), err.toString());
        List<String> what = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        parts(what, counts);
        assertEquals(List.of("simulate only (pass 1)", "simulate only (pass 2)",
                "simulate + record to .arrows (pass 1)", "simulate + record, writer thread (pass 1)",
                "simulate + record to .arrows (pass 2)", "simulate + record, writer thread (pass 2)",
                "recorder glue alone (pass 1)", "recorder + writer to /dev/null (pass 1)",
                "recorder + writer to .arrows (pass 1)", "recorder glue alone (pass 2)",
                "recorder + writer to /dev/null (pass 2)", "recorder + writer to .arrows (pass 2)",
                "simulate only, median", "simulate + record, median", "simulate + record, writer thread, median",
                "recorder glue alone, median",
                "recorder + writer to /dev/null, median", "recorder + writer to .arrows, median"), what);
        // the kept events are a run of the same seeded scenario and length
        assertEquals(1, counts.stream().distinct().count(), counts.toString());
        assertTrue(out.toString().contains("bytes/event"), out.toString());
    }

    /** --compare lz4 times LZ4-buffer recordings beside the plain ones; theirs have fewer bytes per event. */
    @Test
    void compareLz4ReportsBothEncodings() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "multi-realm", "--events", "20000", "--format", "arrows",
                "--warmup", "0", "--passes", "2", "--compare", "lz4"), err.toString());
        Pattern bytes = Pattern.compile("^simulate \\+ record(?: to \\.arrows)?(, LZ4 buffers)?, median .*  ([0-9.]+) bytes/event.*$");
        double plain = -1;
        double lz4 = -1;
        for (String line : out.toString().split("\n")) {
            Matcher m = bytes.matcher(line);
            if (!m.matches()) continue;
            if (m.group(1) == null) plain = Double.parseDouble(m.group(2)); else lz4 = Double.parseDouble(m.group(2));
        }
        assertTrue(plain > 0 && lz4 > 0, out.toString());
        assertTrue(lz4 * 2 < plain, "LZ4 " + lz4 + " vs plain " + plain + " bytes/event");
    }

    /**
     * Each part switches the model to other compiled code (no listener, a dropping writer, a
     * real one), so each is warmed up by runs of its own right before its first timed pass:
     * between one part's last pass and the next part's first, at most MAX_WARMUPS runs.
     */
    @Test
    void eachPartIsWarmedUpRightBeforeItsFirstPass() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "1500", "--passes", "2", "--glue"), err.toString());
        Pattern warm = Pattern.compile("^(.+): warmed up by ([0-9]+) untimed run\\(s\\) of 1,500 events \\(JIT .+ s\\)$");
        List<String> order = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = warm.matcher(line);
            if (m.matches()) {
                order.add("warm-up: " + m.group(1));
                int runs = Integer.parseInt(m.group(2));
                assertTrue(runs >= 1 && runs <= BenchRecordCommand.MAX_WARMUPS, line);
            } else if (EVENTS.matcher(line).find() && line.contains("(pass 1)")) {
                order.add(line.substring(0, line.indexOf(" (pass 1)")));
            }
        }
        assertEquals(List.of("warm-up: simulate only", "simulate only",
                "warm-up: simulate + recorder glue", "simulate + recorder glue",
                "warm-up: simulate + record", "simulate + record to .jsonl", "simulate + record, writer thread"), order);
    }

    @Test
    void noWarmUpIsCold() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "0", "--passes", "1", "--glue"), err.toString());
        assertTrue(!out.toString().contains("warmed up"), out.toString());
    }

    @Test
    void negativeWriterIsOneLineAndExitTwo() {
        assertEquals(2, run("bench", "record", "--box", "off", "--writer", "-1"));
        assertEquals(1, err.toString().strip().split("\n").length, err.toString());
        assertTrue(err.toString().contains("--writer"), err.toString());
    }

    @Test
    void onePassPrintsNoMedian() {
        assertEquals(0, run("bench", "record", "--box", "off", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "0", "--passes", "1"), err.toString());
        assertTrue(out.toString().contains("simulate only "), out.toString());
        assertTrue(!out.toString().contains("median") && !out.toString().contains("(pass"), out.toString());
    }

    @Test
    void zeroPassesIsOneLineAndExitTwo() {
        assertEquals(2, run("bench", "record", "--box", "off", "--passes", "0"));
        assertEquals(1, err.toString().strip().split("\n").length, err.toString());
        assertTrue(err.toString().contains("--passes"), err.toString());
    }
}
