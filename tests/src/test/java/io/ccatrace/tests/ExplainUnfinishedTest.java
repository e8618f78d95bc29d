package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * explain on an unfinished recording (stopped by a signal, killed, cut; docs/bad-input.md: its
 * readers read up to the cut and warn). A recording stops wherever it is, usually with RECs
 * out at an exit the host has not handled yet, so "its last exit was never followed by
 * another REC_ENTER" (explain's fourth case) is no evidence there: every running realm of a
 * Ctrl-C'd multi-realm recording was reported as stalled.
 */
class ExplainUnfinishedTest {
    @TempDir
    Path dir;

    @Test
    void aRecCaughtAtAnExitByTheCutIsNotCalledStalled() throws Exception {
        Path whole = dir.resolve("mr.jsonl");
        String[] r = ManyRealmsTest.run("record", "--scenario", "multi-realm", "--seed", "1", "--progress", "off",
                "-o", whole.toString());
        assertEquals("0", r[0], r[2]);
        String[] e = ManyRealmsTest.run("explain", whole.toString());
        assertEquals("0", e[0], e[2]);
        assertTrue(e[1].startsWith("no realm crashed or stalled"), e[1]);

        // cut just after the 20th SYNC exit (realms running), inside the next line, as a kill leaves it
        List<String> lines = Files.readAllLines(whole);
        int syncs = 0;
        int end = 0;
        while (syncs < 20) {
            if (lines.get(end++).contains("\"exit_reason\":\"SYNC\"")) syncs++;
        }
        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, lines.subList(0, end).stream().collect(Collectors.joining("\n", "", "\n")) + "{\"seq\":");

        String[] c = ManyRealmsTest.run("explain", cut.toString());
        assertEquals("0", c[0], c[2]);
        assertTrue(c[2].contains("trace is incomplete"), c[2]);
        assertFalse(c[1].contains("never followed by another REC_ENTER"), c[1]);
        assertTrue(c[1].startsWith("no realm crashed or stalled"), c[1]);
        assertTrue(c[1].contains("not judged, the recording did not finish"), c[1]);

        // the report's crash section follows explain: the page names no false stall, and says why
        Path html = dir.resolve("cut.html");
        String[] p = ManyRealmsTest.run("report", cut.toString(), "-o", html.toString());
        assertEquals("0", p[0], p[2]);
        String page = Files.readString(html);
        assertFalse(page.contains("never followed by another REC_ENTER"), "a false stall on the page");
        assertTrue(page.contains("not judged, the recording did not finish"), "the page says what it left out");
    }
}
