package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.cli.Ccatrace;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay, state, history and diff commands end to end, over the lifecycle sample. */
class ReplayCliTest {
    @TempDir
    Path dir;

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    Path lifecycle() {
        Path t = dir.resolve("lc.jsonl");
        String[] r = run("run", SampleScriptsTest.DIR.resolve("lifecycle.jsonl").toString(), "-o", t.toString());
        assertEquals("0", r[0], r[2]);
        return t;
    }

    @Test
    void aStatusEditedThroughDumpAndImportIsExactlyOneDivergenceAtThatSeq() throws Exception {
        String[] dump = run("dump", lifecycle().toString());
        assertEquals("0", dump[0], dump[2]);
        List<String> lines = new ArrayList<>(dump[1].lines().toList());
        int edited = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("\"cmd\":\"RMI_REALM_ACTIVATE\"") && l.contains("\"status\":\"RMI_SUCCESS\"")) {
                lines.set(i, l.replace("\"status\":\"RMI_SUCCESS\"", "\"status\":\"RMI_ERROR_REALM\""));
                edited = i;
                break;
            }
        }
        assertTrue(edited >= 0, "the lifecycle activates its realm");
        long seq = Long.parseLong(lines.get(edited).replaceAll(".*\"seq\":(\\d+).*", "$1"));
        Path events = dir.resolve("edited-events.jsonl");
        Files.write(events, lines);
        Path edited2 = dir.resolve("edited.jsonl");
        String[] imp = run("import", events.toString(), "-o", edited2.toString());
        assertEquals("0", imp[0], imp[2]);
        String[] r = run("replay", edited2.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("divergence at seq " + seq + ": RMI_REALM_ACTIVATE status"), r[1]);
        assertTrue(r[1].contains("expected: RMI_ERROR_REALM"), r[1]);
        assertTrue(r[1].contains("actual:   RMI_SUCCESS"), r[1]);
        assertTrue(r[1].contains("\n1 divergence by command and field:"), r[1]);
    }

    @Test
    void stateShowsTheWalkAndHistoryTheChangesOfAnIpa() {
        Path t = lifecycle();
        // the lifecycle's DATA_CREATE of IPA 0x1000 (sample README) maps it ASSIGNED RAM
        String[] s = run("state", t.toString(), "--at", "60", "--ipa", "0x1000");
        assertEquals("0", s[0], s[2]);
        assertTrue(s[1].contains("level 3 entry 0x1000: ASSIGNED RIPAS RAM"), s[1]);
        String[] h = run("history", t.toString(), "--ipa", "0x1000");
        assertEquals("0", h[0], h[2]);
        assertTrue(h[1].contains("RTT_ENTRY UNASSIGNED/EMPTY -> ASSIGNED/RAM"), h[1]);
        assertTrue(h[1].contains("RTT_ENTRY ASSIGNED/RAM -> UNASSIGNED/DESTROYED"), h[1]);
    }

    @Test
    void diffOfTwoRunsIsEmptyAndAgainstEac5IsNot() {
        Path a = lifecycle();
        Path b = dir.resolve("lc2.jsonl");
        run("run", SampleScriptsTest.DIR.resolve("lifecycle.jsonl").toString(), "-o", b.toString());
        String[] same = run("diff", a.toString(), b.toString());
        assertEquals("0", same[0], same[1] + same[2]);
        assertTrue(same[1].contains("no divergent outcome"), same[1]);
        Path re = dir.resolve("re.jsonl");
        String[] d = run("diff", a.toString(), "--against", "1.0-eac5", "-o", re.toString());
        assertEquals("1", d[0], d[1] + d[2]);
        assertTrue(d[1].contains("first divergence at seq"), d[1]);
        assertTrue(Files.exists(re));
        String[] back = run("diff", a.toString(), re.toString());
        assertEquals("1", back[0], back[1] + back[2]);
    }

    /** The command a report's "reproduce:" line gives, as arguments (our temp paths need no quoting). */
    private static String[] reproduceLine(String report) {
        String line = report.lines().filter(l -> l.startsWith("  reproduce: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no reproduce line in " + report));
        String cmd = line.substring("  reproduce: ".length());
        assertTrue(cmd.startsWith("ccatrace "), cmd);
        return cmd.substring("ccatrace ".length()).split(" ");
    }

    private static String firstDivergence(String report) {
        return report.lines().filter(l -> l.contains("divergence at seq ")).findFirst()
                .orElseThrow(() -> new AssertionError("no divergence in " + report))
                .replaceFirst("^first ", "");
    }

    /**
     * Issue 5: a divergence report gives the exact command that reproduces it. For a diff that
     * command must show the same first divergence: a replay on B's model when B ran on
     * another one (--against, or a trace recorded there), else (an import names no model) the
     * diff itself.
     */
    @Test
    void everyDiffsReproduceCommandShowsTheSameDivergence() throws Exception {
        Path a = lifecycle();
        Path re = dir.resolve("re-eac5.jsonl");
        String[] against = run("diff", a.toString(), "--against", "1.0-eac5", "-o", re.toString());
        String[] twoModels = run("diff", a.toString(), re.toString());
        List<String> lines = new ArrayList<>(run("dump", a.toString())[1].lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("\"cmd\":\"RMI_REALM_ACTIVATE\"")) {
                lines.set(i, l.replace("\"status\":\"RMI_SUCCESS\"", "\"status\":\"RMI_ERROR_REALM\""));
                break;
            }
        }
        Path events = dir.resolve("edited-events.jsonl");
        Files.write(events, lines);
        Path edited = dir.resolve("edited.jsonl");
        assertEquals("0", run("import", events.toString(), "-o", edited.toString())[0]);
        String[] oneModel = run("diff", edited.toString(), a.toString());
        for (String[] d : List.of(against, twoModels, oneModel)) {
            assertEquals("1", d[0], d[1] + d[2]);
            String[] cmd = reproduceLine(d[1]);
            String[] again = run(cmd);
            assertEquals("1", again[0], String.join(" ", cmd) + ": " + again[1] + again[2]);
            assertEquals(firstDivergence(d[1]), firstDivergence(again[1]), String.join(" ", cmd));
        }
        assertEquals("replay", reproduceLine(against[1])[0]);
        assertTrue(List.of(reproduceLine(twoModels[1])).contains("1.0-eac5"), String.join(" ", reproduceLine(twoModels[1])));
        assertEquals("diff", reproduceLine(oneModel[1])[0], "the import names no model to replay it on");
    }

    /**
     * With several realms --ipa needs a realm: --realm, or the realm the --rec was created in
     * (the REC_STATE rows name it); with neither it is a one-line error before any output.
     */
    @Test
    void stateOfAnIpaWalksTheRecsRealmWhenNoRealmIsGiven() throws Exception {
        Path t = dir.resolve("mr.jsonl");
        String[] rec = run("record", "--scenario", "multi-realm", "--seed", "2", "--events", "4000", "-o", t.toString());
        assertEquals("0", rec[0], rec[2]);
        String recRow = null;
        for (String l : run("dump", t.toString(), "--kind", "REC_STATE")[1].lines().toList()) {
            if (l.contains("\"to\":\"RUNNING\"") && !l.contains("\"realm\":\"0x81000000\"")) {
                recRow = l;
                break;
            }
        }
        assertTrue(recRow != null, "a REC of a realm other than the first runs");
        String seq = recRow.replaceAll(".*\"seq\":(\\d+).*", "$1");
        String realm = recRow.replaceAll(".*\"realm\":\"(0x[0-9a-f]+)\".*", "$1");
        String recAddr = recRow.replaceAll(".*\"rec\":\"(0x[0-9a-f]+)\".*", "$1");
        String[] byRec = run("state", t.toString(), "--at", seq, "--ipa", "0x0", "--rec", recAddr);
        assertEquals("0", byRec[0], byRec[2]);
        assertTrue(byRec[1].contains("RTT walk of IPA 0x0 in realm " + realm), byRec[1]);
        String[] byRealm = run("state", t.toString(), "--at", seq, "--ipa", "0x0", "--realm", realm);
        assertTrue(byRealm[1].contains("RTT walk of IPA 0x0 in realm " + realm), byRealm[1]);
        String[] neither = run("state", t.toString(), "--at", seq, "--ipa", "0x0");
        assertEquals("2", neither[0], neither[1]);
        assertEquals("", neither[1], "nothing printed before the error");
        assertTrue(neither[2].strip().startsWith("ccatrace: --ipa needs --realm"), neither[2]);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[] r = run("state", lifecycle().toString(), "--at", "zz");
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }

    /**
     * `import` takes rows whose seqs only increase, so a trace may skip seqs: --at a skipped
     * seq names its neighbours instead of calling it past the end, and --at past the end still
     * says so.
     */
    @Test
    void stateAtASkippedSeqNamesItsNeighbours() throws Exception {
        List<String> rows = new ArrayList<>(run("dump", lifecycle().toString())[1].lines().toList());
        List<String> gapped = new ArrayList<>();
        for (String l : rows) {
            long seq = Long.parseLong(l.replaceAll(".*\"seq\":(\\d+).*", "$1"));
            if (seq != 5 && seq != 6) gapped.add(l);        // seqs 5 and 6 left out
        }
        Path events = dir.resolve("gapped-events.jsonl");
        Files.write(events, gapped);
        Path t = dir.resolve("gapped.jsonl");
        String[] imp = run("import", events.toString(), "-o", t.toString());
        assertEquals("0", imp[0], imp[2]);
        String[] skipped = run("state", t.toString(), "--at", "5");
        assertEquals("2", skipped[0], skipped[1]);
        assertEquals("ccatrace: " + t + ": --at 5: no event has that seq (the trace goes from seq 4 to seq 7)",
                skipped[2].strip());
        String[] past = run("state", t.toString(), "--at", "1000000");
        assertEquals("2", past[0], past[1]);
        long last = rows.size() - 1;                          // the lifecycle's seqs are dense from 0
        assertEquals("ccatrace: " + t + ": --at 1000000 is past the trace's last event (seq " + last + ")",
                past[2].strip());
        String[] at4 = run("state", t.toString(), "--at", "4");
        assertEquals("0", at4[0], at4[2]);
        assertTrue(at4[1].startsWith("state just after seq 4"), at4[1]);
    }

    /**
     * RMI_FEATURES x1 differs between 1.0 and 1.0-EAC5 only by the register's layout (reference
     * 2.5 against 12.3): the report decodes each value in its model's layout and says so, in
     * text and JSON. The machine's counts (6 breakpoints, 4 watchpoints, 16 list registers:
     * MachineConfig's defaults, which a scenario keeps) are what both decode to.
     */
    @Test
    void aCrossRevisionFeaturesDivergenceIsDecodedInEachLayout() throws Exception {
        Path t = dir.resolve("boot.parquet");
        String[] rec = run("record", "--scenario", "boot", "--seed", "3", "-o", t.toString());
        assertEquals("0", rec[0], rec[2]);
        String[] text = run("replay", t.toString(), "--rmm", "1.0-eac5", "--max-divergences", "1");
        assertEquals("1", text[0], text[1] + text[2]);
        String fields = text[1].lines().filter(l -> l.startsWith("  fields:   ")).findFirst().orElse("(none)");
        assertTrue(fields.contains("RmiFeatureRegister0 decoded in each model's layout (1.0: rel0, reference 2.5; "
                + "1.0-eac5: EAC5, reference 12.3)"), fields);
        assertTrue(fields.endsWith("every field both layouts have holds the same value; only 1.0 has GICV3_NUM_LRS 16, "
                + "MAX_RECS_ORDER 10"), fields);
        assertTrue(text[1].contains("\n  known:    1.0-eac5 differs here: RMI_FEATURES reports RmiFeatureRegister0 in the EAC5 layout"),
                text[1]);
        assertTrue(text[1].contains("RMI_FEATURES  x1  (a known difference)\nit is at a known difference between 1.0 and 1.0-eac5"),
                text[1]);
        String[] json = run("replay", t.toString(), "--rmm", "1.0-eac5", "--max-divergences", "1", "--json");
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json[1]);
        assertEquals("FEAT0_LAYOUT", root.get("divergences").get(0).get("known").get(0).get("id").asText(), json[1]);
        assertEquals(1, root.get("known_total").asInt(), json[1]);
        com.fasterxml.jackson.databind.JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json[1])
                .get("divergences").get(0).get("fields");
        assertTrue(d.get("same_values").asBoolean(), json[1]);
        assertEquals("GICV3_NUM_LRS", d.get("changes").get(0).get("field").asText());
        assertEquals(16, d.get("changes").get(0).get("expected").asInt());
        assertTrue(d.get("changes").get(0).get("actual").isNull());
        String[] same = run("replay", t.toString());
        assertFalse(same[1].contains("fields:"), same[1]);
    }

    @Test
    void diffAgainstAModelResimulatesAScenarioTrace() {
        Path t = dir.resolve("boot.jsonl");
        String[] rec = run("record", "--scenario", "boot", "--seed", "3", "--events", "3000", "-o", t.toString());
        assertEquals("0", rec[0], rec[2]);
        String[] same = run("diff", t.toString(), "--against", "1.0");
        assertEquals("0", same[0], same[1] + same[2]);
        assertTrue(same[1].contains("re-recorded --scenario boot --rmm 1.0 --seed 3"), same[1]);
        String[] eac5 = run("diff", t.toString(), "--against", "1.0-eac5");
        assertEquals("1", eac5[0], eac5[1] + eac5[2]);
        assertTrue(eac5[1].contains("RMI_FEATURES x1"), eac5[1]);
        // reference 12.3: the two revisions report the same machine in different layouts
        assertTrue(eac5[1].contains("every field both layouts have holds the same value; only 1.0 has GICV3_NUM_LRS"), eac5[1]);
        // without -o the re-recording is a temporary file, deleted afterwards: the report does not name it
        assertTrue(eac5[1].contains(" (A) and its re-recording on 1.0-eac5 (B)"), eac5[1]);
        assertFalse(eac5[1].contains("ccatrace-diff"), eac5[1]);
    }

    @Test
    void diffAgainstAModelRerunsTheScriptOfARunTrace() throws Exception {
        Path a = lifecycle();
        Path re = dir.resolve("re-script.jsonl");
        String[] same = run("diff", a.toString(), "--against", "1.0", "-o", re.toString());
        assertEquals("0", same[0], same[1] + same[2]);
        assertTrue(same[1].contains("re-ran script lifecycle.jsonl (seed "), same[1]);
        assertTrue(!same[1].contains("note:"), same[1]);
        try (TraceReader r = TraceFiles.open(re, w -> { })) {
            // a recording of the script (its text kept again), not a replay of A's inputs
            assertEquals(Files.readString(SampleScriptsTest.DIR.resolve("lifecycle.jsonl")),
                    r.metadata().get(TraceMetadata.SCRIPT_SOURCE));
            assertEquals("recorded", r.metadata().get(TraceMetadata.ORIGIN));
        }
        String[] eac5 = run("diff", a.toString(), "--against", "1.0-eac5");
        assertEquals("1", eac5[0], eac5[1] + eac5[2]);
        assertTrue(eac5[1].contains("re-ran script lifecycle.jsonl"), eac5[1]);
        assertTrue(eac5[1].contains("first divergence at seq"), eac5[1]);
    }

    @Test
    void diffAgainstAModelOfATraceWithoutScriptTextSaysItRerunsTheInputs() throws Exception {
        String[] dump = run("dump", lifecycle().toString());
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, dump[1]);
        Path imported = dir.resolve("imported.jsonl");
        assertEquals("0", run("import", events.toString(), "-o", imported.toString())[0]);
        String[] d = run("diff", imported.toString(), "--against", "1.0");
        assertEquals("0", d[0], d[1] + d[2]);
        assertTrue(d[1].contains("carries no script text"), d[1]);
        assertTrue(d[1].contains("reran "), d[1]);
    }
}
