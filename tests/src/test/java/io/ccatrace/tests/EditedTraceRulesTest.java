package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 6 "done when": a correct-model recording edited through `dump` / `import` to contain
 * one violation of each rule is caught by that rule at the edited row. The unedited
 * recordings have no violation, so the finding comes from the edit. Each edit is the
 * smallest change of one row that breaks the reference condition the rule enforces.
 */
class EditedTraceRulesTest {
    /** s2sz 40 (docs/scenarios.md): IPAs with bit 39 set are unprotected (reference 8.1). */
    private static final long UNPROTECTED_BIT = 1L << 39;
    /** Host-reserved DRAM the VMMs never delegate (ScenarioRun.HOST_RESERVED): PAS NS. */
    private static final long NS_PA = 0x8001_0000L;

    static Path dir;
    static List<String> boot;
    static List<String> crash;
    static final Set<String> COVERED = new TreeSet<>();

    @BeforeAll
    static void record() throws Exception {
        dir = Files.createTempDirectory("edited-traces");
        boot = dump("boot", "--scenario", "boot", "--vcpus", "1", "--seed", "1", "--inject", "enter-after-off,peek-freed");
        crash = dump("crash", "--scenario", "crash-destroyed-ram", "--seed", "1");
    }

    static List<String> dump(String name, String... scenario) {
        Path t = dir.resolve(name + ".parquet");
        List<String> args = new ArrayList<>(List.of("record", "-o", t.toString()));
        args.addAll(List.of(scenario));
        String[] r = ReplayCliTest.run(args.toArray(new String[0]));
        assertEquals("0", r[0], r[2]);
        String[] d = ReplayCliTest.run("dump", t.toString());
        assertEquals("0", d[0], d[2]);
        return d[1].lines().toList();
    }

    /**
     * One edit: which recording, the row to edit (the n-th matching row after the first row
     * matching `after`, when given), the new row.
     */
    record Edit(String rule, String what, boolean crashTrace, Predicate<String> after, Predicate<String> row,
                int nth, java.util.function.UnaryOperator<String> change) {
        Edit(String rule, String what, boolean crashTrace, Predicate<String> row, int nth,
             java.util.function.UnaryOperator<String> change) {
            this(rule, what, crashTrace, null, row, nth, change);
        }
    }

    static final Predicate<String> ACTIVATED = has("\"kind\":\"REALM_STATE\"", "\"to\":\"ACTIVE\"");

    static Predicate<String> has(String... parts) {
        return l -> {
            for (String p : parts) {
                if (!l.contains(p)) return false;
            }
            return true;
        };
    }

    static final Predicate<String> ASSIGNED_ENTRY = has("\"kind\":\"RTT_ENTRY\"", "\"to\":\"ASSIGNED\",");

    static final List<Edit> EDITS = List.of(
            // 7.4 / 8.1: NS states only in the unprotected half
            new Edit("ns-in-protected", "an ASSIGNED_NS entry moved to the protected half", false,
                    has("\"to\":\"ASSIGNED_NS\""), 0, l -> setHex(l, "ipa", hex(l, "ipa") & ~UNPROTECTED_BIT)),
            // 7.4 / 8.1: RIPAS-carrying states only in the protected half
            new Edit("protected-in-unprotected", "a DATA mapping moved to the unprotected half", false,
                    ASSIGNED_ENTRY, 0, l -> setHex(l, "ipa", hex(l, "ipa") | UNPROTECTED_BIT)),
            // 7.1: only a Realm-PAS granule becomes DATA
            new Edit("granule-pas", "a granule that was never delegated becomes DATA", false,
                    has("\"kind\":\"GRANULE_STATE\"", "\"to\":\"DATA\""), 0, l -> setHex(l, "pa", NS_PA)),
            // 7.1: DATA -> DELEGATED (scrub) is the only way out of DATA
            new Edit("granule-release", "DATA_DESTROY sends the granule straight to UNDELEGATED", false,
                    has("\"from\":\"DATA\",\"to\":\"DELEGATED\""), 0, l -> l.replace("\"to\":\"DELEGATED\"", "\"to\":\"UNDELEGATED\"")),
            // 7.1 / 4.4: a granule back in NS is zero; peek-freed's read returns a non-zero byte
            new Edit("granule-release", "the host's read of a freed granule returns realm bytes", false,
                    has("\"kind\":\"NS_READ\"", "\"size\":64,"), 0, l -> l.replace("\"payload\":\"00", "\"payload\":\"5a")),
            // the same, with the row's size edited to 0: the bytes the host got still count
            new Edit("granule-release", "a read of a freed granule returns realm bytes and claims size 0", false,
                    has("\"kind\":\"NS_READ\"", "\"size\":64,"), 0,
                    l -> l.replace("\"payload\":\"00", "\"payload\":\"5a").replace("\"size\":64,", "\"size\":0,")),
            // 7.1, 4.11: one granule, one protected mapping
            new Edit("granule-alias", "a second DATA mapping to the first one's granule", false,
                    ASSIGNED_ENTRY, 1, l -> setHex(l, "pa", hex(boot.get(nth(boot, null, ASSIGNED_ENTRY, 0)), "pa"))),
            // 7.4, 4.21: after activation RIPAS changes only by RTT_SET_RIPAS for a request
            new Edit("ripas-change", "DATA_CREATE_UNKNOWN turns the page EMPTY", false, ACTIVATED, ASSIGNED_ENTRY, 0,
                    l -> l.replace("\"to_ripas\":\"RAM\"", "\"to_ripas\":\"EMPTY\"")),
            // 8.2: a fault on an unassigned RAM IPA exits to the host, never an SEA
            new Edit("fault-empty", "an SEA for a RAM page the host is about to back", false,
                    has("\"kind\":\"STAGE2_FAULT\"", "\"ripas\":\"RAM\"", "\"outcome\":\"EXIT_TO_HOST\""), 0,
                    l -> l.replace("EXIT_TO_HOST", "SEA_INJECTED")),
            // 8.5: a DESTROYED access is not absorbed by an SEA
            new Edit("fault-destroyed", "an SEA answers the access to the DESTROYED IPA", true,
                    has("\"kind\":\"STAGE2_FAULT\"", "\"ripas\":\"DESTROYED\""), 0,
                    l -> l.replaceAll("\"outcome\":\"[A-Z_]+\"", "\"outcome\":\"SEA_INJECTED\"")),
            // 10.2: the initial RIM is H(RealmParams image)
            new Edit("measurement", "the initial RIM is altered", false,
                    has("\"kind\":\"MEASUREMENT\"", "\"cmd\":\"INIT\""), 0, EditedTraceRulesTest::flipPayload),
            // 4.22 system_off: the refused REC_ENTER after SYSTEM_OFF reported as success
            new Edit("must-fail", "REC_ENTER of a SYSTEM_OFF realm succeeds", false,
                    has("\"cmd\":\"RMI_REC_ENTER\"", "\"status\":\"RMI_ERROR_REALM\""), 0,
                    l -> l.replace("RMI_ERROR_REALM", "RMI_SUCCESS").replace("\"index\":1", "\"index\":0")),
            // 14: a Non-secure access to a Realm-PAS granule raises a GPF
            new Edit("ns-gpf", "a host write lands in the RD with no GPF", false, ACTIVATED,
                    has("\"kind\":\"NS_WRITE\""), 0, l -> setHex(l, "pa", hex(l, "pa") & 0xFFF | rd())),
            // 7.2: ACTIVE -> SYSTEM_OFF, never back to NEW
            new Edit("lifecycle", "the realm goes ACTIVE -> NEW", false,
                    has("\"kind\":\"REALM_STATE\"", "\"to\":\"SYSTEM_OFF\""), 0,
                    l -> l.replace("\"to\":\"SYSTEM_OFF\"", "\"to\":\"NEW\"")));

    @TestFactory
    Stream<DynamicTest> theUneditedRecordingsHaveNoViolation() {
        return Stream.of("boot", "crash").map(n -> DynamicTest.dynamicTest(n, () -> {
            List<Finding> f = analyze(imported(n.equals("boot") ? boot : crash, n + "-unedited"));
            assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.VIOLATION), f.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRuleCatchesItsEditedViolation() {
        return EDITS.stream().map(e -> DynamicTest.dynamicTest(e.rule() + ": " + e.what(), () -> {
            List<String> lines = new ArrayList<>(e.crashTrace() ? crash : boot);
            int at = nth(lines, e.after(), e.row(), e.nth());
            String edited = e.change().apply(lines.get(at));
            assertTrue(!edited.equals(lines.get(at)), "the edit changed nothing: " + edited);
            lines.set(at, edited);
            long seq = Long.parseLong(field(edited, "seq"));
            List<Finding> f = analyze(imported(lines, e.rule() + at));
            assertTrue(f.stream().anyMatch(x -> x.severity() == Severity.VIOLATION && x.ruleId().equals(e.rule())
                    && x.seqs()[0] == seq), "no " + e.rule() + " violation at seq " + seq + ": " + f);
            COVERED.add(e.rule());
        }));
    }

    @AfterAll
    static void everyRuleHasAnEdit() {
        Set<String> ruled = new TreeSet<>();
        for (Edit e : EDITS) ruled.add(e.rule());
        assertEquals(RuleCatalog.ids(), ruled, "every rule needs an edited-trace case");
    }

    Path imported(List<String> lines, String name) throws Exception {
        Path events = dir.resolve(name + "-events.jsonl");
        Files.write(events, lines);
        Path out = dir.resolve(name + ".jsonl");
        String[] r = ReplayCliTest.run("import", events.toString(), "-o", out.toString());
        assertEquals("0", r[0], r[2]);
        return out;
    }

    static List<Finding> analyze(Path trace) throws Exception {
        return SeededBugCoverageTest.analyze(SeededBugCoverageTest.read(trace));
    }

    static int nth(List<String> lines, Predicate<String> after, Predicate<String> p, int n) {
        int from = after == null ? 0 : nth(lines, null, after, 0) + 1;
        for (int i = from; i < lines.size(); i++) {
            if (p.test(lines.get(i)) && n-- == 0) return i;
        }
        throw new AssertionError("no such row in the recording");
    }

    /** The boot realm's RD (the realm of its first REALM_STATE row). */
    static long rd() {
        return hex(boot.get(nth(boot, null, ACTIVATED, 0)), "realm");
    }

    static String field(String line, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([0-9a-fA-Fx]+)\"?").matcher(line);
        if (!m.find()) throw new AssertionError("no " + name + " in " + line);
        return m.group(1);
    }

    static long hex(String line, String name) {
        return Long.parseUnsignedLong(field(line, name).substring(2), 16);
    }

    static String setHex(String line, String name, long v) {
        return line.replaceFirst("\"" + name + "\":\"0x[0-9a-f]+\"", "\"" + name + "\":\"0x" + Long.toHexString(v) + "\"");
    }

    static String flipPayload(String line) {
        Matcher m = Pattern.compile("\"payload\":\"([0-9a-f])").matcher(line);
        assertTrue(m.find(), line);
        char c = m.group(1).charAt(0);
        char flipped = Character.forDigit(Character.digit(c, 16) ^ 1, 16);
        return line.substring(0, m.start(1)) + flipped + line.substring(m.end(1));
    }
}
