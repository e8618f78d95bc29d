package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What `bench replay` prints and in which order (never how fast: no timing is asserted). */
class BenchReplayCommandTest {
    private static final Pattern TRACE = Pattern.compile("^trace: .*, ([0-9]+) events, \\.jsonl;");
    private static final Pattern WARM = Pattern.compile("^warmed up by ([0-9]+) untimed full replay\\(s\\) \\(JIT (.+) s\\)$");
    private static final Pattern PASS = Pattern.compile("^replay (all|to [0-9]+)\\s+([0-9,]+) events: .* ([0-9]+) divergences(  JIT [0-9.]+ s)?$");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /**
     * The warm-up replays the whole trace at least --warmup times; the whole replay is timed
     * first (right after the warm-up, on the same code paths), then a quarter and a half,
     * every one without a divergence (the bench replays its own recording on the same model).
     */
    @Test
    void warmUpThenTheWholeReplayThenAQuarterAndAHalf() {
        assertEquals(0, run("bench", "replay", "--box", "off", "--scenario", "boot", "--events", "3000", "--format", "jsonl",
                "--warmup", "2"), err.toString());
        long n = -1;
        List<String> order = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            Matcher t = TRACE.matcher(line);
            Matcher w = WARM.matcher(line);
            Matcher p = PASS.matcher(line);
            if (t.find()) {
                n = Long.parseLong(t.group(1));
            } else if (w.matches()) {
                int runs = Integer.parseInt(w.group(1));
                assertTrue(runs >= 2 && runs <= BenchReplayCommand.MAX_WARMUPS, line);
                assertEquals(runs, w.group(2).split(" / ").length, line);
                order.add("warm-up");
            } else if (p.matches()) {
                order.add(p.group(1));
                assertEquals("0", p.group(3), line);
                long rows = Long.parseLong(p.group(2).replace(",", ""));
                if (p.group(1).equals("all")) assertEquals(n, rows, line);
                else assertTrue(rows > Long.parseLong(p.group(1).substring(3)) && rows < n, line);  // to until's window's end
            }
        }
        assertTrue(n > 0, out.toString());
        assertEquals(List.of("warm-up", "all", "to " + n / 4, "to " + n / 2), order, out.toString());
    }

    @Test
    void noWarmUpIsCold() {
        assertEquals(0, run("bench", "replay", "--box", "off", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "0"), err.toString());
        assertFalse(out.toString().contains("warmed up"), out.toString());
        assertTrue(out.toString().contains("replay all"), out.toString());
    }

    /** By default the machine's speed is probed before and after the timed passes, as `bench box` prints it. */
    @Test
    void theBoxIsProbedBeforeAndAfter() {
        assertEquals(0, run("bench", "replay", "--scenario", "boot", "--events", "2000", "--format", "jsonl",
                "--warmup", "0"), err.toString());
        List<String> lines = List.of(out.toString().split("\n"));
        int before = indexOf(lines, "box before: core ");
        int all = indexOf(lines, "replay all");
        int after = indexOf(lines, "box after:  core ");
        assertTrue(before >= 0 && before < all && all < after, out.toString());
        assertTrue(lines.get(after).matches("box after:  core [0-9.]+ ns/step, .* 64 MiB [0-9]+ ns; load [0-9.-]+"), lines.get(after));
    }

    @Test
    void aBadBoxValueIsBadInput() {
        assertEquals(2, run("bench", "replay", "--box", "maybe", "--scenario", "boot", "--events", "2000"));
        assertEquals("ccatrace: --box: must be on or off, got 'maybe'", err.toString().trim());
        assertFalse(out.toString().contains("box before"), out.toString());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) return i;
        }
        return -1;
    }

    @Test
    void aNegativeWarmUpIsBadInput() {
        assertEquals(2, run("bench", "replay", "--box", "off", "--scenario", "boot", "--events", "2000", "--warmup", "-1"));
        assertEquals("ccatrace: --warmup must not be negative", err.toString().trim());
    }
}
