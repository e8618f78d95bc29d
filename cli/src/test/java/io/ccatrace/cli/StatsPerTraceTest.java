package io.ccatrace.cli;

import static io.ccatrace.cli.ManyTraces.ccatrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ccatrace.cli.ManyTraces.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `stats` over several traces whose realms share RDs and whose clocks each start at 0 (every
 * recording of a scenario does): a realm is one RD in one trace, so its summary is that
 * trace's alone, named by the trace; delegated memory over time is over time since each
 * trace's start. So the same trace given twice must show each realm twice with the numbers
 * of the trace alone, and the same delegated series and peak.
 */
class StatsPerTraceTest {
    @TempDir
    Path dir;

    private static List<String> section(Run r, String prefix) {
        List<String> out = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            if (l.startsWith(prefix)) out.add(l);
        }
        return out;
    }

    @Test
    void theSameTraceTwiceSummarisesEachRealmOncePerTrace() throws Exception {
        Path a = dir.resolve("a.parquet");
        Run rec = ccatrace("record", "--scenario", "multi-realm", "--seed", "2", "-o", a.toString());
        assertEquals(0, rec.code(), rec.err());
        Path b = Files.copy(a, dir.resolve("b.parquet"));
        Run one = ccatrace("stats", "--csv", a.toString());
        Run two = ccatrace("stats", "--csv", a.toString(), b.toString());
        assertEquals(0, two.code(), two.err());

        List<String> realms = section(one, "realm,");
        assertFalse(realms.isEmpty(), one.out());
        List<String> expected = new ArrayList<>();
        for (Path t : List.of(a, b)) {
            for (String l : realms) expected.add(l.replaceFirst("^realm,", "realm," + t + " "));
        }
        assertEquals(expected, section(two, "realm,"), "each trace's realms, with that trace's numbers");
        assertEquals(section(one, "delegated"), section(two, "delegated"), "peak and series over time since each trace's start");
    }
}
