package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `replay --json` writes one valid JSON object whatever happens: on bad input (exit 2) it
 * is {"trace", "error"}, or, when the replay had begun, the divergences so far and "error";
 * "error" is the line stderr has after "ccatrace: ". Before, stdout was empty (a missing file,
 * a bad option value: nothing to parse) or an object that read like a finished replay with no
 * divergence ({"trace":..., "divergences": []}: a row out of seq order, an unknown model).
 */
class ReplayJsonErrorTest {
    @TempDir
    Path dir;

    private static JsonNode json(String out) throws Exception {
        return new ObjectMapper().readTree(out);
    }

    private static void badInput(String[] r) throws Exception {
        assertEquals("2", r[0], r[2]);
        JsonNode j = json(r[1]);
        assertTrue(j.has("error"), r[1]);
        String[] err = r[2].strip().split("\n");
        assertEquals("ccatrace: " + j.get("error").asText(), err[err.length - 1]);   // after any warning
        assertFalse(j.has("total"), r[1]);
    }

    @Test
    void badInputBeforeTheReplayIsAnErrorObject() throws Exception {
        String missing = dir.resolve("missing.arrows").toString();
        badInput(ReplayCommandTest.run("replay", missing, "--json"));
        Path t = new ReplayCommandTest().recordIn(dir);
        badInput(ReplayCommandTest.run("replay", t.toString(), "--json", "--max-divergences", "0"));
        badInput(ReplayCommandTest.run("replay", t.toString(), "--json", "--until", "-1"));
        badInput(ReplayCommandTest.run("replay", t.toString(), "--json", "--max-divergences", "many"));
        badInput(ReplayCommandTest.run("replay", t.toString(), "--json", "--rmm", "no-such-model"));
    }

    @Test
    void badInputPartWayEndsTheObjectWithTheError() throws Exception {
        Path t = new ReplayCommandTest().recordIn(dir);
        List<String> lines = Files.readAllLines(t);
        lines.remove(2);                           // a row gone: the seqs are no longer dense
        Path gap = dir.resolve("gap.jsonl");
        Files.write(gap, lines);
        String[] r = ReplayCommandTest.run("replay", gap.toString(), "--json");
        badInput(r);
        JsonNode j = json(r[1]);
        assertTrue(j.get("divergences").isArray(), r[1]);
        assertTrue(j.get("error").asText().contains("rows must be in dense seq order"), r[1]);
    }

    @Test
    void aReplayThatWorksHasNoError() throws Exception {
        Path t = new ReplayCommandTest().recordIn(dir);
        String[] r = ReplayCommandTest.run("replay", t.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = json(r[1]);
        assertFalse(j.has("error"), r[1]);
        assertEquals(0, j.get("total").asInt());
    }
}
