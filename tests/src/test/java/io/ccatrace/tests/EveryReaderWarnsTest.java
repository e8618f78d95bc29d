package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: "every reader warns on a broken chain but can still read". Each command that reads
 * a trace is run over a trace with one event changed after recording (its chain left as
 * recorded), in every format and on both Parquet read paths (storage digest present but no
 * longer matching, and no digest at all). Each must say so on stderr (info and verify in their
 * report) and still finish its job with its usual exit code.
 */
class EveryReaderWarnsTest {
    private static final String BROKEN = "integrity chain broken";

    @TempDir
    static Path dir;

    static TamperedTraces traces;

    @BeforeAll
    static void record() throws Exception {
        traces = TamperedTraces.make(dir);
    }

    static String[] run(String... args) {
        return ReplayCliTest.run(args);
    }

    /** The commands, each as the arguments after the trace name (T stands for the trace). */
    private static List<String[]> commands(Path t) {
        String last = Long.toString(traces.lastSeq());
        String rec = "0x" + Long.toHexString(traces.someRec());
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"dump", "T"});
        c.add(new String[] {"convert", "T", dir.resolve("out-" + t.getFileName() + ".jsonl").toString()});
        c.add(new String[] {"stats", "T"});
        c.add(new String[] {"stats", "--json", "T"});
        c.add(new String[] {"analyze", "T"});
        c.add(new String[] {"explain", "T"});
        c.add(new String[] {"report", "T", "-o", dir.resolve("r-" + t.getFileName() + ".html").toString()});
        c.add(new String[] {"replay", "T"});
        c.add(new String[] {"history", "T", "--rec", rec});
        c.add(new String[] {"state", "T", "--at", last, "--no-checkpoint"});
        c.add(new String[] {"diff", "T", traces.clean().toString()});
        c.add(new String[] {"checkpoint", "T"});
        return c;
    }

    private static String[] on(String[] cmd, Path t) {
        String[] args = cmd.clone();
        for (int i = 0; i < args.length; i++) if (args[i].equals("T")) args[i] = t.toString();
        return args;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandWarnsOnEveryFormat() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path t : traces.tampered()) {
            for (String[] cmd : commands(t)) {
                String[] args = on(cmd, t);
                tests.add(DynamicTest.dynamicTest(t.getFileName() + ": " + String.join(" ", cmd), () -> {
                    String[] r = run(args);
                    assertTrue(r[2].contains("ccatrace: warning: " + t + ": " + BROKEN), "stderr: " + r[2]);
                    assertTrue(!r[2].contains("Exception") && !r[2].contains("\tat "), "no stack trace: " + r[2]);
                    if (cmd[0].equals("checkpoint")) {
                        // Checkpoints stand in for replaying the trace, so none are made from a broken one.
                        assertEquals("2", r[0], r[2]);
                        assertTrue(r[2].contains("no checkpoints written for a trace that fails its integrity check"), r[2]);
                    } else if (cmd[0].equals("report")) {
                        assertEquals("0", r[0], r[2]);
                        assertTrue(Files.readString(Path.of(args[3])).contains("Trace warning: " + t + ": " + BROKEN),
                                "the page says so too");
                    } else {
                        assertTrue(r[0].equals("0") || r[0].equals("1"), "the command still did its job: exit " + r[0] + " " + r[2]);
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest(t.getFileName() + ": info", () -> {
                String[] r = run("info", t.toString());
                assertEquals("0", r[0], r[2]);
                assertTrue(r[1].contains("integrity: " + BROKEN), r[1]);
            }));
            tests.add(DynamicTest.dynamicTest(t.getFileName() + ": verify", () -> {
                String[] r = run("verify", t.toString());
                assertEquals("1", r[0], r[1] + r[2]);
                assertTrue((r[1] + r[2]).contains(BROKEN) || (r[1] + r[2]).contains("broken"), r[1] + r[2]);
            }));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void aTruncatedArrowTraceIsIncompleteButNotBroken() throws Exception {
        // Issue 3: a recording killed at any moment is readable up to its last flushed batch and
        // says it is incomplete. stats checks such a trace's chain on its second thread: the
        // batches it can read are intact, so it must not call the chain broken.
        Path t = dir.resolve("long.arrows");
        String[] r = run("record", "--scenario", "multi-realm", "--seed", "2", "--events", "150000", "-o", t.toString());
        assertEquals("0", r[0], r[2]);
        byte[] all = Files.readAllBytes(t);
        Path cut = dir.resolve("cut.arrows");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length * 6 / 10));
        for (String cmd : List.of("stats", "analyze")) {
            String[] s = run(cmd, cut.toString());
            assertEquals("0", s[0], s[2]);
            assertTrue(s[2].contains("ccatrace: warning: " + cut + ": trace is incomplete (the recording did not finish)"), cmd + ": " + s[2]);
            assertTrue(!s[2].contains(BROKEN), cmd + ": " + s[2]);
        }
    }

    @TestFactory
    Stream<DynamicTest> theUntouchedTracesGiveNoWarning() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path t : traces.untouched()) {
            for (String[] cmd : commands(t)) {
                String[] args = on(cmd, t);
                tests.add(DynamicTest.dynamicTest(t.getFileName() + ": " + String.join(" ", cmd), () -> {
                    String[] r = run(args);
                    assertTrue(!r[2].contains("warning"), "stderr: " + r[2]);
                }));
            }
        }
        assertTrue(Files.exists(traces.clean()));
        return tests.stream();
    }
}
