package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.rmi.RmmModel;
import io.ccatrace.model.rmi.RmmModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording whose RMM model breaks a machine invariant. The script frees a DATA granule
 * twice: DATA_DESTROY (4.13), GRANULE_UNDELEGATE of the freed granule (4.4: it is DELEGATED),
 * DATA_DESTROY of the same IPA again. On 1.0 the second destroy finds the entry UNASSIGNED and
 * fails; `1.0-bug-destroy-keeps-mapping` left the entry ASSIGNED to the granule, which the host
 * has since taken back to the NS PAS, so the second destroy would hand an NS granule back to
 * the RMM: the machine refuses (a granule in DELEGATED must be Realm PAS). The recording stops
 * there with one line naming the model, the call and its seq; the trace keeps every event
 * before the call (seqs are dense from 0, so there are exactly seq of them) and replays clean.
 */
class ModelFailureTest {
    private static final String BUG = "1.0-bug-destroy-keeps-mapping";
    private static final List<String> SCRIPT = List.of(
            "{\"op\": \"machine\", \"seed\": 1}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x8010_0000\"]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x8010_1000\"]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x8010_2000\"]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x8010_3000\"]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x8010_4000\"]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x8010_5000\"]}",
            "{\"op\": \"ns_write\", \"pa\": \"0x8000_0000\", \"realm_params\": {\"s2sz\": 40, \"num_bps\": 2, \"num_wps\": 2,"
                    + " \"hash_algo\": 0, \"vmid\": 1, \"rtt_base\": \"0x8010_1000\", \"rtt_level_start\": 0, \"rtt_num_start\": 1}}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_REALM_CREATE\", \"args\": [\"0x8010_0000\", \"0x8000_0000\"]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_RTT_CREATE\", \"args\": [\"0x8010_0000\", \"0x8010_2000\", 0, 1]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_RTT_CREATE\", \"args\": [\"0x8010_0000\", \"0x8010_3000\", 0, 2]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_RTT_CREATE\", \"args\": [\"0x8010_0000\", \"0x8010_4000\", 0, 3]}",
            "{\"op\": \"ns_write\", \"pa\": \"0x8000_4000\", \"fill\": 213}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_DATA_CREATE\", \"args\": [\"0x8010_0000\", \"0x8010_5000\", 0, \"0x8000_4000\", 0]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_DATA_DESTROY\", \"args\": [\"0x8010_0000\", 0]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_UNDELEGATE\", \"args\": [\"0x8010_5000\"]}",
            "{\"op\": \"rmi\", \"cmd\": \"RMI_DATA_DESTROY\", \"args\": [\"0x8010_0000\", 0]}");

    @TempDir
    Path dir;

    private Path script() throws Exception {
        Path s = dir.resolve("double-free.jsonl");
        Files.write(s, SCRIPT);
        return s;
    }

    @Test
    void onTheSpecifiedModelTheSecondDestroyFailsWithErrorRtt() throws Exception {
        Path t = dir.resolve("ok.jsonl");
        String[] r = ReplayCliTest.run("run", script().toString(), "-o", t.toString());
        assertEquals("0", r[0], r[2]);
        String[] dump = ReplayCliTest.run("dump", t.toString(), "--kind", "RMI_CALL");
        List<String> calls = dump[1].lines().toList();
        String last = calls.get(calls.size() - 1);
        assertTrue(last.contains("\"cmd\":\"RMI_DATA_DESTROY\"") && last.contains("\"status\":\"RMI_ERROR_RTT\""), last);
    }

    @Test
    void onTheSeededBugTheRecordingStopsWithOneLineAndKeepsEveryEventBefore() throws Exception {
        Path t = dir.resolve("bug.jsonl");
        String[] r = ReplayCliTest.run("run", script().toString(), "--rmm", BUG, "-o", t.toString());
        assertEquals("1", r[0], "a seeded bug's consequence is a finding: " + r[2]);
        List<String> err = r[2].strip().lines().toList();
        assertEquals(1, err.size(), r[2]);
        String line = err.get(0);
        String prefix = "ccatrace: " + t + ": the RMM model " + BUG + " broke a machine invariant in RMI_DATA_DESTROY x1=0x80100000 x2=0x0 (cpu 0) at seq ";
        assertTrue(line.startsWith(prefix), line);
        long seq = Long.parseLong(line.substring(prefix.length()).replaceAll("^(\\d+):.*", "$1"));
        assertTrue(line.contains("the trace keeps the " + seq + " events before it"), line);
        assertFalse(line.contains("Exception"), line);

        String[] verify = ReplayCliTest.run("verify", t.toString());
        assertEquals("1", verify[0]);
        assertTrue(verify[1].contains("INCOMPLETE") && verify[1].contains(seq + " events readable"), verify[1]);
        List<String> rows = ReplayCliTest.run("dump", t.toString())[1].lines().toList();
        assertEquals(seq, rows.size());
        String lastRow = rows.get(rows.size() - 1);
        assertTrue(lastRow.contains("\"kind\":\"GRANULE_STATE\"") && lastRow.contains("\"to\":\"UNDELEGATED\""),
                "the undelegate's effects are the last events kept: " + lastRow);

        String[] replay = ReplayCliTest.run("replay", t.toString());
        assertEquals("0", replay[0], replay[1] + replay[2]);
    }

    @Test
    void diffAgainstTheSeededBugComparesWhatRanBeforeItBroke() throws Exception {
        Path t = dir.resolve("ok.jsonl");
        assertEquals("0", ReplayCliTest.run("run", script().toString(), "-o", t.toString())[0]);
        String[] d = ReplayCliTest.run("diff", t.toString(), "--against", BUG);
        assertEquals("1", d[0], d[1] + d[2]);
        assertTrue(d[1].contains("re-recording on " + BUG + " stopped at seq "), d[1]);
        // the first destroy already differs: 1.0 unmaps the entry, the bug leaves it
        assertTrue(d[1].contains("first divergence at seq") && d[1].contains("RMI_DATA_DESTROY"), d[1]);
        assertEquals("", d[2].strip(), "the stop was reported once, on stdout");
    }

    /**
     * Replaying the 1.0 recording on the bug reaches the same double free: a `model error`
     * divergence at the trace's seq of the second destroy, with the model's own words, and a
     * summary naming that seq only (the replayed machine numbers its events its own way after
     * the first divergence). Both replay paths: the file's in-place replay, and the rerun of an
     * import's inputs by `diff --against`.
     */
    @Test
    void aReplayOnTheBugReportsAModelErrorAtTheTracesSeq() throws Exception {
        Path t = dir.resolve("ok.jsonl");
        assertEquals("0", ReplayCliTest.run("run", script().toString(), "-o", t.toString())[0]);
        List<String> rows = ReplayCliTest.run("dump", t.toString())[1].lines().toList();
        String last = rows.stream().filter(l -> l.contains("\"cmd\":\"RMI_DATA_DESTROY\"")).reduce((a, b) -> b).orElseThrow();
        String seq = last.replaceAll(".*\"seq\":(\\d+).*", "$1");
        Path events = Files.write(dir.resolve("events.jsonl"), rows);
        Path imported = dir.resolve("imported.jsonl");
        assertEquals("0", ReplayCliTest.run("import", events.toString(), "-o", imported.toString())[0]);
        String what = "granule 0x80105000 in DELEGATED with PAS NS";
        String[] replay = ReplayCliTest.run("replay", t.toString(), "--rmm", BUG);
        String[] rerun = ReplayCliTest.run("diff", imported.toString(), "--against", BUG);
        assertEquals("1", replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].contains("divergence at seq " + seq + ": RMI_DATA_DESTROY model error"), replay[1]);
        assertTrue(replay[1].contains("actual:   IllegalStateException: " + what), replay[1]);
        assertTrue(replay[1].contains("(the " + BUG + " model failed at seq " + seq + ": " + what + ")"), replay[1]);
        // diff prints its first divergence (the first destroy's) in full, the model error in its counts
        assertEquals("1", rerun[0], rerun[1] + rerun[2]);
        assertTrue(rerun[1].contains("stopped: the " + BUG + " model failed at seq " + seq + ": " + what + "\n"), rerun[1]);
        assertTrue(rerun[1].contains("1  RMI_DATA_DESTROY  model error"), rerun[1]);
        assertFalse(replay[1].contains("ModelFailure") || rerun[1].contains("ModelFailure"), replay[1] + rerun[1]);
    }

    @Test
    void onlyTheBugVariantsAreSeededBugs() {
        for (RmmModel m : RmmModels.all().values()) {
            assertEquals(m.id().startsWith("1.0-bug-"), m.seededBug(), m.id());
        }
    }
}
