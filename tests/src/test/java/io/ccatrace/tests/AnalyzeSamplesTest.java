package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzers over real recorded traces: no violation on any correct-model sample,
 * refusals of the hostile host as warnings, the documented root cause of each crash sample
 * (docs/scenarios.md), and seeded-bug recordings caught by the rule for the spec rule they
 * break.
 */
class AnalyzeSamplesTest {
    static final Path DIR = SampleScenarioTracesTest.DIR;

    @TempDir
    Path tmp;

    static String[] run(String... args) {
        return ReplayCliTest.run(args);
    }

    /** Records crash-empty-access (seed 1) on a model and analyzes it; returns the analysis. */
    String[] recordAndAnalyze(String model) {
        Path t = tmp.resolve(model + ".parquet");
        String[] rec = run("record", "--scenario", "crash-empty-access", "--seed", "1",
                "--rmm", model, "-o", t.toString());
        assertEquals("0", rec[0], rec[2]);
        return run("analyze", t.toString());
    }

    @TestFactory
    Stream<DynamicTest> noViolationOnAnyCorrectModelSample() throws Exception {
        return SampleScenarioTracesTest.commands().stream().map(a -> a[a.length - 1]).map(file ->
                DynamicTest.dynamicTest(file, () -> {
                    String[] r = run("analyze", DIR.resolve(file).toString());
                    assertEquals("0", r[0], r[1] + r[2]);
                    assertTrue(r[1].contains(" 0 violation(s)"), r[1]);
                }));
    }

    @Test
    void hostFuzzRefusalsAreWarningsNotViolations() {
        String[] r = run("analyze", DIR.resolve("host-fuzz.parquet").toString());
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("WARNING"), "the hostile host's refused calls are reported: " + r[1]);
        assertTrue(!r[1].contains("VIOLATION"), r[1]);
    }

    @Test
    void oneTwoThreadsAndTheChainCheckGiveTheSameReport() {
        // analyze's reader thread and its projection must not change a byte of the output
        Path bug = tmp.resolve("dkm.parquet");
        String[] rec = run("record", "--scenario", "host-fuzz", "--seed", "1",
                "--rmm", "1.0-bug-destroy-keeps-mapping", "-o", bug.toString());
        assertEquals("0", rec[0], rec[2]);
        String[] files = {DIR.resolve("host-fuzz.parquet").toString(), bug.toString()};
        for (String f : files) {
            String[] two = run("analyze", "--json", f);
            assertTrue(two[1].contains("\"findings\""), two[1]);
            for (String[] opts : new String[][] {{"--threads", "1"}, {"--no-check-chain"}, {"--threads", "1", "--no-check-chain"}}) {
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("analyze", "--json"));
                args.addAll(java.util.List.of(opts));
                args.add(f);
                String[] other = run(args.toArray(new String[0]));
                assertEquals(two[0], other[0], f + " " + args);
                assertEquals(two[1], other[1], f + " " + args);
            }
        }
        assertEquals("1", run("analyze", bug.toString())[0], "the seeded bug is a violation");
    }

    @Test
    void aCorruptTraceIsOneLineAndExitTwoWithOrWithoutTheReaderThread() throws Exception {
        Path t = tmp.resolve("corrupt.parquet");
        java.nio.file.Files.copy(DIR.resolve("multi-realm.parquet"), t);
        byte[] b = java.nio.file.Files.readAllBytes(t);
        for (int i = b.length / 3; i < b.length / 3 + 4096; i++) b[i] = (byte) (i * 31);
        java.nio.file.Files.write(t, b);
        String[] one = run("analyze", "--threads", "1", t.toString());
        String[] two = run("analyze", t.toString());
        assertEquals("2", one[0], one[1] + one[2]);
        assertEquals("2", two[0], two[1] + two[2]);
        // parquet-java's message may name an object by its identity hash: mask it
        assertEquals(one[2].replaceAll("@[0-9a-f]+", "@"), two[2].replaceAll("@[0-9a-f]+", "@"));
        assertTrue(two[2].startsWith("ccatrace: " + t + ": "), two[2]);
        assertEquals(1, two[2].lines().count(), "one line: " + two[2]);
    }

    @Test
    void explainNamesTheHostsDataDestroyForTheDestroyedRamCrash() {
        // docs/scenarios.md: the REC cannot progress at the DESTROYED IPA after the host's
        // RMI_DATA_DESTROY of that IPA (reference 4.13: ASSIGNED RAM -> UNASSIGNED DESTROYED).
        String[] r = run("explain", DIR.resolve("crash-destroyed-ram.parquet").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("DESTROYED"), r[1]);
        assertTrue(r[1].contains("root cause") && r[1].contains("RMI_DATA_DESTROY"), r[1]);
    }

    @Test
    void explainNamesTheEmptyIpaForTheEmptyAccessCrash() {
        // docs/scenarios.md: SEA at an IPA with RIPAS EMPTY (reference 8.2), then SYSTEM_RESET.
        String[] r = run("explain", DIR.resolve("crash-empty-access.parquet").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("EMPTY") && r[1].contains("SEA"), r[1]);
        assertTrue(r[1].contains("SYSTEM_RESET"), r[1]);
    }

    @Test
    void aModelThatSkipsTheRipasCheckIsCaughtByTheEmptyFaultRule() {
        // Reference 8.2: a realm access to an EMPTY IPA must be answered by an SEA.
        String[] r = recordAndAnalyze("1.0-bug-fault-skips-ripas");
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("VIOLATION [fault-empty]"), r[1]);
    }

    @Test
    void aModelThatKeepsMappingsAfterDataDestroyIsCaught() {
        // Reference 4.13: DATA_DESTROY leaves the entry UNASSIGNED, so the granule it frees
        // must not stay mapped when it is undelegated back to NS (rule granule-release).
        String[] r = recordAndAnalyze("1.0-bug-destroy-keeps-mapping");
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("VIOLATION [granule-release]"), r[1]);
    }

    @Test
    void explainBlamesTheUnrequestedRipasChangeWhenTheRealmResetsLater() {
        // docs/scenarios.md (unrequested-ripas): 1.0-bug-ripas-unrequested applies the host's
        // RTT_SET_RIPAS with no request pending (reference 4.21 base_bound), turning a heap page
        // RAM -> EMPTY; the realm later writes it, takes an SEA (reference 8.2) and, the guest
        // having run on for a step, resets. explain must name that RTT_SET_RIPAS as the cause.
        Path t = tmp.resolve("ur.parquet");
        String[] rec = run("record", "--scenario", "boot", "--seed", "1", "--vcpus", "1",
                "--rmm", "1.0-bug-ripas-unrequested", "--inject", "unrequested-ripas", "-o", t.toString());
        assertEquals("0", rec[0], rec[2]);
        String[] r = run("explain", t.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("synchronous external abort"), r[1]);
        assertTrue(r[1].contains("is EMPTY (entry last changed by RMI_RTT_SET_RIPAS"), r[1]);
        assertTrue(r[1].contains("PSCI_SYSTEM_RESET"), r[1]);
        // The same scenario on the correct model refuses the call: nothing crashes.
        Path ok = tmp.resolve("ok.parquet");
        run("record", "--scenario", "boot", "--seed", "1", "--vcpus", "1",
                "--inject", "unrequested-ripas", "-o", ok.toString());
        assertTrue(run("explain", ok.toString())[1].contains("no realm crashed or stalled"));
    }

    @Test
    void analyzeWarnsOnATamperedTraceByDefault() throws Exception {
        // Issue 3: every reader warns on a broken integrity chain but still reads. One status
        // edited in a JSONL trace without recomputing the chain must be reported by analyze's
        // default path (--no-check-chain, the fast path, need not look; JSONL readers still do).
        Path t = tmp.resolve("boot.jsonl");
        assertEquals("0", run("record", "--scenario", "boot", "--seed", "1", "-o", t.toString())[0]);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(t);
        int at = -1;
        for (int i = lines.size() / 2; i < lines.size() && at < 0; i++) {
            if (lines.get(i).contains("\"status\":\"RMI_SUCCESS\"")) at = i;
        }
        assertTrue(at > 0, "a successful RMI call in the second half");
        lines.set(at, lines.get(at).replace("\"status\":\"RMI_SUCCESS\"", "\"status\":\"RMI_ERROR_INPUT\""));
        Path edited = tmp.resolve("edited.jsonl");
        java.nio.file.Files.write(edited, lines);
        String[] checked = run("analyze", edited.toString());
        assertTrue(checked[2].contains("warning") && checked[2].contains("chain"), checked[2]);
        String[] fast = run("analyze", "--no-check-chain", edited.toString());
        assertEquals(checked[1], fast[1], "same findings either way");
    }

    @Test
    void analyzeAndStatsCheckAParquetTracesStorageDigest() throws Exception {
        // docs/trace-format.md, "Integrity chain" item 6: readers of a projection check the
        // stored bytes; a changed byte in a column neither decodes (cpu) is found through the
        // event chain, which the default analyze and stats report; --no-check-chain does not look.
        Path t = tmp.resolve("boot.parquet");
        assertEquals("0", run("record", "--scenario", "boot", "--seed", "1", "-o", t.toString())[0]);
        assertEquals("", run("analyze", t.toString())[2]);
        assertEquals("", run("stats", t.toString())[2]);
        long at;
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                new org.apache.parquet.io.LocalInputFile(t))) {
            org.apache.parquet.hadoop.metadata.ColumnChunkMetaData cpu = r.getRowGroups().get(0).getColumns().get(4);
            assertEquals("cpu", cpu.getPath().toDotString());
            at = cpu.getStartingPos() + cpu.getTotalSize() / 2;
        }
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(t.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x04);
        }
        String[] checked = run("analyze", t.toString());
        assertTrue(checked[2].contains("warning: " + t + ": integrity chain broken: an event in seq 0.."), checked[2]);
        assertTrue(run("stats", t.toString())[2].contains("integrity chain broken"), "stats warns too");
        String[] fast = run("analyze", "--no-check-chain", t.toString());
        assertEquals("", fast[2]);
        assertEquals(checked[1], fast[1], "same findings either way");
    }
}
