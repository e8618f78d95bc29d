package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench ab with this build on both sides (its own class path as --against): two class loaders,
 * one JVM. The same code with the same seed must run the same events and, recording, write the
 * same bytes (determinism), so the harness's own comparison must say so.
 */
class BenchAbCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static String self() {
        return System.getProperty("java.class.path");
    }

    @Test
    void recordOnBothSidesGivesTheSameBytesAndEveryRound() {
        assertEquals(0, run("bench", "ab", "--against", self(), "--part", "record", "--scenario", "boot",
                "--events", "3000", "--rounds", "3", "--warmup-rounds", "1", "--jvms", "1", "--dir", dir.toString()), err.toString());
        List<String> lines = Arrays.asList(out.toString().split("\n"));
        assertEquals(3, lines.stream().filter(l -> l.startsWith("round ")).count(), out.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("events differ")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("recordings: identical bytes")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("B - A per round: ") && l.contains("of 2 rounds")), out.toString());
        assertEquals(List.of(), Arrays.stream(dir.toFile().list()).collect(Collectors.toList()), "files left in --dir");
    }

    @Test
    void replayAndSimulateRun() {
        assertEquals(0, run("bench", "ab", "--against", self(), "--part", "replay", "--scenario", "boot",
                "--events", "3000", "--rounds", "2", "--warmup-rounds", "0", "--jvms", "1"), err.toString());
        assertTrue(out.toString().contains("replaying thread"), out.toString());
        assertTrue(out.toString().contains("A: wall median"), out.toString());
        assertEquals(0, run("bench", "ab", "--against", self(), "--part", "simulate", "--scenario", "boot",
                "--events", "3000", "--rounds", "2", "--jvms", "1", "--first", "B"), err.toString());
        assertTrue(out.toString().contains("A: thread CPU median"), out.toString());
        assertTrue(out.toString().contains("; B first"), out.toString());
        assertFalse(out.toString().contains("events differ"), out.toString());
    }

    /**
     * Two child JVMs, A first in the first and B first in the second: each one's lines come
     * prefixed, each recorded the same bytes on both sides, and the pooled summary counts the
     * rounds of both.
     */
    @Test
    void twoJvmsTakeTurnsGoingFirst() {
        assertEquals(0, run("bench", "ab", "--against", self(), "--part", "record", "--scenario", "boot",
                "--events", "3000", "--rounds", "3", "--warmup-rounds", "1", "--dir", dir.toString()), err.toString());
        String o = out.toString();
        assertTrue(o.contains("jvm 1: bench ab: ") && o.contains("; A first\n"), o);
        assertTrue(o.contains("jvm 2: bench ab: ") && o.contains("; B first\n"), o);
        assertTrue(o.contains("jvm 1: recordings: identical bytes") && o.contains("jvm 2: recordings: identical bytes"), o);
        assertTrue(o.contains("all 2 JVMs, rounds pooled:\n"), o);
        assertTrue(o.contains(" of 4 rounds"), o); // 2 counted rounds in each JVM
        assertTrue(o.contains("B - A median per JVM: ") && o.contains("(A first), ") && o.contains("(B first): "), o);
        assertFalse(o.contains("values: "), o);
    }

    @Test
    void aChildJvmsBadInputIsItsExitCode() {
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "ab", "--against", self(), "--part", "simulate",
                "--scenario", "nope", "--rounds", "2"));
    }

    /**
     * The writer part: the same events (each side's own run, kept) to /dev/null on both sides;
     * nothing is left in --dir (the /dev/null links are removed after each pass).
     */
    @Test
    void writerRunsOnKeptEventsOnBothSides() {
        assertEquals(0, run("bench", "ab", "--against", self(), "--part", "writer", "--scenario", "boot",
                "--events", "3000", "--rounds", "3", "--warmup-rounds", "1", "--jvms", "1", "--dir", dir.toString()), err.toString());
        List<String> lines = Arrays.asList(out.toString().split("\n"));
        assertTrue(lines.get(0).contains("writer, boot seed 1"), out.toString());
        assertEquals(3, lines.stream().filter(l -> l.startsWith("round ")).count(), out.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("events differ")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("A: thread CPU median")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("B - A per round: ") && l.contains("of 2 rounds")), out.toString());
        assertEquals(List.of(), Arrays.stream(dir.toFile().list()).collect(Collectors.toList()), "files left in --dir");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
            {"--against", "/no/such.jar"},
            {"--against", self(), "--part", "write"},
            {"--against", self(), "--rounds", "1"},
            {"--against", self(), "--jvms", "0"},
            {"--against", self(), "--scenario", "nope", "--jvms", "1"},
            {"--against", dir.toString()},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            String[] args = new String[c.length + 2];
            args[0] = "bench";
            args[1] = "ab";
            System.arraycopy(c, 0, args, 2, c.length);
            assertEquals(ExitCodes.BAD_INPUT, run(args), String.join(" ", c));
            assertEquals(1, err.toString().split("\n").length, err.toString());
            assertTrue(err.toString().startsWith("ccatrace: "), err.toString());
        }
    }
}
