package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.cli.Ccatrace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading commands over a trace of 30 realms (more than the 12 realms or RECs a table of
 * the analyzers held before growing): analyze, explain, stats and report each read it to the
 * end and account for every realm. Before the fix a table growing inside its put() stored
 * the realm into the table it had left (lost, or out of bounds: "internal error" from all four).
 */
class ManyRealmsTest {
    static final int REALMS = 30;

    @TempDir
    static Path dir;
    static Path trace;

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @BeforeAll
    static void record() {
        trace = dir.resolve("boot30.parquet");
        String[] r = run("record", "--scenario", "boot", "--realms", Integer.toString(REALMS), "--vcpus", "1",
                "--seed", "2", "-o", trace.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(REALMS, r[1].lines().filter(l -> l.contains("realm called PSCI SYSTEM_OFF")).count(), r[1]);
    }

    @Test
    void analyzeFindsNothingOnTheCorrectModel() {
        String[] r = run("analyze", trace.toString());
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains(" 0 violation(s), 0 warning(s)"), r[1]);
    }

    @Test
    void statsSummarisesEveryRealm() {
        String[] r = run("stats", trace.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(REALMS, r[1].lines().filter(l -> l.endsWith(" state: DESTROYED")).count(), r[1]);
    }

    @Test
    void explainAndReportReadItAll() {
        String[] e = run("explain", trace.toString());
        assertEquals("0", e[0], e[2]);
        assertTrue(e[1].startsWith("no realm crashed or stalled"), e[1]);
        String[] h = run("report", trace.toString(), "-o", dir.resolve("r.html").toString());
        assertEquals("0", h[0], h[2]);
    }
}
