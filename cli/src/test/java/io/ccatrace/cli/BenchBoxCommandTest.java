package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `bench box` (what it prints, and that its load chains visit every entry; never how fast). */
class BenchBoxCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aLoadChainIsOneCycleThroughEveryEntry() {
        for (int n : new int[] {2, 3, 64, 1000, 1 << 16}) {
            int[] next = BoxProbe.cycle(n, 7);
            boolean[] seen = new boolean[n];
            int x = 0;
            for (int i = 0; i < n; i++) {
                assertFalse(seen[x], "entry " + x + " visited twice in a chain of " + n);
                seen[x] = true;
                x = next[x];
            }
            assertEquals(0, x, "the chain of " + n + " comes back to its start after n steps");
        }
    }

    @Test
    void printsOneLinePerRoundWithEveryFigure() {
        assertEquals(0, run("bench", "box", "--rounds", "2"), err.toString());
        Pattern line = Pattern.compile("^box: core ([0-9.]+) ns/step, ([0-9.]+) ns per 8 independent multiplies;"
                + " dependent loads over 512 KiB ([0-9.]+) ns, 4 MiB ([0-9.]+) ns, 64 MiB ([0-9.]+) ns; load -?[0-9.]+$");
        String[] lines = out.toString().trim().split("\n");
        assertEquals(2, lines.length, out.toString());
        for (String l : lines) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), l);
            for (int g = 1; g <= 5; g++) assertTrue(Double.parseDouble(m.group(g)) > 0, l);
        }
    }

    @Test
    void refusesNoRounds() {
        assertEquals(2, run("bench", "box", "--rounds", "0"));
        assertEquals("ccatrace: --rounds must be positive", err.toString().trim());
    }
}
