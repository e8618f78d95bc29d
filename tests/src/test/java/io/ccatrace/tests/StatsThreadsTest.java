package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `stats` decoding a Parquet trace's columns on two threads prints exactly what it prints on
 * one (text, JSON and CSV): on every sample trace, on the sample directory as one run, and on
 * a recording long enough for many batches.
 */
class StatsThreadsTest {
    @TempDir
    Path tmp;

    private static void assertSameOutput(String... traces) {
        for (String form : new String[] {"--json", "--csv", "--text"}) {
            List<String> one = new ArrayList<>(List.of("stats", "--threads", "1"));
            List<String> two = new ArrayList<>(List.of("stats", "--threads", "2"));
            if (!form.equals("--text")) {
                one.add(form);
                two.add(form);
            }
            one.addAll(List.of(traces));
            two.addAll(List.of(traces));
            String[] a = ReplayCliTest.run(one.toArray(new String[0]));
            String[] b = ReplayCliTest.run(two.toArray(new String[0]));
            assertEquals("0", a[0], a[2]);
            assertEquals("0", b[0], b[2]);
            assertTrue(a[1].contains("events"), a[1]);
            assertEquals(a[1], b[1], form + " " + List.of(traces));
        }
    }

    @Test
    void sampleTracesOneByOneAndTogether() throws Exception {
        for (String[] c : SampleScenarioTracesTest.commands()) {
            assertSameOutput(SampleScenarioTracesTest.DIR.resolve(c[c.length - 1]).toString());
        }
        assertSameOutput(SampleScenarioTracesTest.DIR.toString());
    }

    @Test
    void recordingOfManyBatches() {
        Path t = tmp.resolve("mr.parquet");
        String[] r = ReplayCliTest.run("record", "--scenario", "multi-realm", "--seed", "3", "--events", "300000", "-o", t.toString());
        assertEquals("0", r[0], r[2]);
        assertSameOutput(t.toString());
    }

    @Test
    void threadsMustBePositive() {
        String[] r = ReplayCliTest.run("stats", "--threads", "0", SampleScenarioTracesTest.DIR.resolve("boot.parquet").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--threads"), r[2]);
    }
}
