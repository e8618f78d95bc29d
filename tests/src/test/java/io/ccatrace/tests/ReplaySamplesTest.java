package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.model.script.ScriptParser;
import io.ccatrace.model.script.ScriptRunner;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.replay.ReplayOptions;
import io.ccatrace.replay.Replayer;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replay over the sample scripts: every sample replays on 1.0 without a divergence, and
 * each seeded-bug model (and 1.0-EAC5) diverges first exactly at the call whose reference
 * condition it gets wrong, named by the script's own expect comment.
 */
class ReplaySamplesTest {
    static final Path DIR = SampleScriptsTest.DIR;
    private static final Pattern RMI_LINE = Pattern.compile("\"op\"\\s*:\\s*\"rmi\"");

    /** A recorded script: its rows and metadata. */
    record Recording(TraceMetadata meta, List<TraceEvent> rows) {
        TraceReader reader() {
            Iterator<TraceEvent> it = rows.iterator();
            return new TraceReader() {
                public TraceMetadata metadata() { return meta; }
                public boolean hasNext() { return it.hasNext(); }
                public TraceEvent next() { return it.next(); }
                public void close() { }
            };
        }

        /** Seq of the n-th (0-based) event of a kind. */
        long nth(EventKind k, int n) {
            for (TraceEvent e : rows) {
                if (e.kind() == k && n-- == 0) return e.seq();
            }
            throw new AssertionError("no " + k + " #" + n);
        }
    }

    static Recording record(String scriptText) throws Exception {
        List<TraceEvent> rows = new ArrayList<>();
        Machine m = ScriptRunner.run(new ScriptParser().parse(scriptText), e -> rows.add(EventRows.toRow(e)));
        return new Recording(TraceMetadata.empty()
                .with(TraceMetadata.MACHINE, MachineJson.toJson(m.config()))
                .with(TraceMetadata.RMM_MODEL, m.config().rmmModel()), rows);
    }

    static List<Divergence> replay(Recording r, String model) throws Exception {
        List<Divergence> out = new ArrayList<>();
        new Replayer(new ReplayOptions(model, -1, 0)).run(r.reader(), out::add);
        return out;
    }

    /** Index (among rmi lines) of the rmi line right after the comment containing `expect`. */
    static int rmiAfter(String text, String expect) {
        int rmi = 0;
        boolean armed = false;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("#") && t.contains(expect)) armed = true;
            if (RMI_LINE.matcher(t).find()) {
                if (armed) return rmi;
                rmi++;
            }
        }
        throw new AssertionError("no rmi line after a comment with: " + expect);
    }

    @TestFactory
    Stream<DynamicTest> everySampleReplaysWithoutDivergence() throws Exception {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Recording r = record(Files.readString(p));
            List<Divergence> d = replay(r, null);
            assertTrue(d.isEmpty(), p + ": " + (d.isEmpty() ? "" : d.get(0)));
        }));
    }

    /** model, script, expect-comment text, first differing field. */
    record BugCase(String model, String script, String expect, String field) {
    }

    static final List<BugCase> CASES = List.of(
            // 4.17 ipa_bound: the bug lets the protected IPA through to the walk
            new BugCase("1.0-bug-map-unprot-protected", "rmi_rtt_map_unprotected.jsonl",
                    "ipa_bound: protected IPA", "status"),
            // 4.13: DATA_DESTROY leaves the entry ASSIGNED, so the top (x2) and the RTT_ENTRY differ
            new BugCase("1.0-bug-destroy-keeps-mapping", "rmi_data_destroy.jsonl",
                    "success: RAM page -> UNASSIGNED DESTROYED", "x2"),
            // 4.21 base_bound: no request pending
            new BugCase("1.0-bug-ripas-unrequested", "rmi_rtt_set_ripas.jsonl",
                    "base_bound: no request pending", "status"),
            // 8.2: a read of UNASSIGNED EMPTY is an SEA inside the realm, not an exit
            new BugCase("1.0-bug-fault-skips-ripas", "lifecycle.jsonl",
                    "read of UNASSIGNED EMPTY takes an SEA", "STAGE2_FAULT.outcome"),
            // 4.11 system_off
            new BugCase("1.0-bug-enter-system-off", "rmi_rec_enter.jsonl",
                    "system_off: index 1", "status"),
            // 4.9 realm_state
            new BugCase("1.0-bug-rec-in-active-realm", "rmi_rec_create.jsonl",
                    "realm_state: ACTIVE, not NEW", "status"),
            // 4.9 mpidr_index
            new BugCase("1.0-bug-rec-any-mpidr", "rmi_rec_create.jsonl",
                    "mpidr_index: index 1 but the realm has 0 RECs", "status"),
            // 12.3: the EAC5 FEAT0 layout
            new BugCase("1.0-eac5", "rmi_features.jsonl", "", "x1"),
            // 12.2: EAC5 has no level-1 unprotected blocks
            new BugCase("1.0-eac5", "rmi_rtt_map_unprotected.jsonl",
                    "success: a 1 GiB block at level 1", "status"));

    @TestFactory
    Stream<DynamicTest> eachModelDivergesFirstAtTheCallItGetsWrong() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.model() + " on " + c.script(), () -> {
            String text = Files.readString(DIR.resolve(c.script()));
            Recording r = record(text);
            int target = c.expect().isEmpty() ? firstOf(r, "RMI_FEATURES") : rmiAfter(text, c.expect());
            long seq = r.nth(EventKind.RMI_CALL, target);
            List<Divergence> d = replay(r, c.model());
            assertFalse(d.isEmpty(), "no divergence");
            assertEquals(seq, d.get(0).seq(), d.get(0).toString());
            assertEquals(c.field(), d.get(0).field());
        }));
    }

    private static int firstOf(Recording r, String cmd) {
        int i = 0;
        for (TraceEvent e : r.rows()) {
            if (e.kind() == EventKind.RMI_CALL) {
                if (cmd.equals(e.cmd())) return i;
                i++;
            }
        }
        throw new AssertionError("no " + cmd);
    }

    @TestFactory
    Stream<DynamicTest> noScrubLeaksRealmDataToAHostRead() {
        return Stream.of(DynamicTest.dynamicTest("1.0-bug-no-scrub", () -> {
            // DATA_DESTROY then UNDELEGATE of a page that held the realm's copy of a 0x01-filled
            // source; a host read must see zeros (reference 15: zero on every return to DELEGATED)
            String text = Files.readString(DIR.resolve("rmi_data_destroy.jsonl"))
                    + "\n{\"op\": \"ns_read\", \"pa\": \"0x8014_0000\", \"len\": 16}\n";
            Recording r = record(text);
            long seq = r.nth(EventKind.NS_READ, 0);
            TraceEvent read = r.rows().get((int) seq);
            assertTrue(java.util.Arrays.equals(new byte[16], read.payload()));
            List<Divergence> d = replay(r, "1.0-bug-no-scrub");
            assertEquals(1, d.size(), d.toString());
            assertEquals(seq, d.get(0).seq());
            assertEquals("payload", d.get(0).field());
            assertTrue(d.get(0).actual().startsWith("0101"), d.get(0).actual());
        }));
    }
}
