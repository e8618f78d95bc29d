package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Severity;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every seeded-bug model is caught on a recording that exercises it (issues 5 and 6, "done
 * when"): the scenario with its injection recorded on the bug model has a violation of the
 * rule for the spec condition the bug breaks, at the event that exercises it; recorded on
 * 1.0 it has no violation (the refusal is a warning where the host misbehaved); and
 * replaying either recording against the other model diverges first at that event. The
 * event is found in the trace by the reference's own condition, not by the model's output.
 */
class SeededBugCoverageTest {
    /** s2sz the host gives every realm (docs/scenarios.md): the protected half is below 2^39 (8.1). */
    private static final long PROTECTED_TOP = 1L << 39;

    @TempDir
    Path tmp;

    /**
     * model; scenario arguments; the rule that must fire; the seq the violation must cite
     * (on the bug recording); the seq of the input that exercises the bug (either recording);
     * whether on 1.0 the rule warns about the refused misuse at that input.
     */
    record Case(String model, List<String> scenario, String rule, ToLongFunction<List<TraceEvent>> cited,
                ToLongFunction<List<TraceEvent>> exercise, boolean warnsOnCorrect) {
    }

    static List<String> boot(String inject) {
        List<String> a = new ArrayList<>(List.of("--scenario", "boot", "--vcpus", "1", "--seed", "1"));
        if (inject != null) a.addAll(List.of("--inject", inject));
        return a;
    }

    static final List<Case> CASES = List.of(
            // 4.17 ipa_bound: RTT_MAP_UNPROTECTED only for IPAs in the unprotected half
            new Case("1.0-bug-map-unprot-protected", boot("map-ns-protected"), "ns-in-protected",
                    t -> first(t, e -> mapsProtected(e) && ok(e)), t -> first(t, SeededBugCoverageTest::mapsProtected), true),
            // 7.1 / 4.4: a granule back in NS is all zero; the host reads a freed DATA granule
            new Case("1.0-bug-no-scrub", boot("peek-freed"), "granule-release",
                    SeededBugCoverageTest::readOfFreedData, SeededBugCoverageTest::readOfFreedData, false),
            // 4.13: DATA_DESTROY leaves the entry UNASSIGNED; the bug frees the granule still mapped
            new Case("1.0-bug-destroy-keeps-mapping", boot(null), "granule-alias",
                    SeededBugCoverageTest::firstDataDestroy, SeededBugCoverageTest::firstDataDestroy, false),
            // ... and the granule is then undelegated to the host while still mapped (7.1, 4.4)
            new Case("1.0-bug-destroy-keeps-mapping", boot(null), "granule-release",
                    SeededBugCoverageTest::undelegateOfFirstDestroyed, SeededBugCoverageTest::firstDataDestroy, false),
            // 4.21 base_bound: RTT_SET_RIPAS only within the REC's pending request
            new Case("1.0-bug-ripas-unrequested", boot("unrequested-ripas"), "must-fail",
                    SeededBugCoverageTest::unrequestedSetRipas, SeededBugCoverageTest::unrequestedSetRipas, true),
            // 8.2: a protected access to an RIPAS EMPTY IPA is an SEA, not an exit to the host
            new Case("1.0-bug-fault-skips-ripas", List.of("--scenario", "crash-empty-access", "--seed", "1"),
                    "fault-empty", SeededBugCoverageTest::emptyFault,
                    t -> t.get((int) emptyFault(t)).causeSeq(), false),
            // 4.22 system_off: no REC of a SYSTEM_OFF realm may be entered
            new Case("1.0-bug-enter-system-off", boot("enter-after-off"), "must-fail",
                    SeededBugCoverageTest::enterAfterOff, SeededBugCoverageTest::enterAfterOff, true),
            // 4.9 realm_state: RECs only while the realm is NEW
            new Case("1.0-bug-rec-in-active-realm", boot("rec-after-activate"), "must-fail",
                    SeededBugCoverageTest::recCreateAfterActivate, SeededBugCoverageTest::recCreateAfterActivate, true),
            // 4.9 mpidr_index: the MPIDR must name the next REC index
            new Case("1.0-bug-rec-any-mpidr", boot("wrong-mpidr"), "must-fail",
                    SeededBugCoverageTest::recCreateWrongMpidr, SeededBugCoverageTest::recCreateWrongMpidr, true));

    @TestFactory
    Stream<DynamicTest> everySeededBugIsCaughtOnARecordingThatExercisesIt() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.model() + " " + c.scenario(), () -> {
            ReplaySamplesTest.Recording bug = record(c, c.model());
            ReplaySamplesTest.Recording good = record(c, "1.0");

            long cited = c.cited().applyAsLong(bug.rows());
            List<Finding> onBug = analyze(bug);
            assertTrue(onBug.stream().anyMatch(f -> f.severity() == Severity.VIOLATION && f.ruleId().equals(c.rule())
                    && contains(f.seqs(), cited)), "no " + c.rule() + " violation citing seq " + cited + ": " + onBug);

            List<Finding> onGood = analyze(good);
            assertTrue(onGood.stream().noneMatch(f -> f.severity() == Severity.VIOLATION), onGood.toString());
            long goodAt = c.exercise().applyAsLong(good.rows());
            if (c.warnsOnCorrect()) {
                assertTrue(onGood.stream().anyMatch(f -> f.severity() == Severity.WARNING && f.ruleId().equals(c.rule())
                        && contains(f.seqs(), goodAt)), "no " + c.rule() + " warning at " + goodAt + ": " + onGood);
            }

            List<Divergence> back = ReplaySamplesTest.replay(bug, "1.0");
            assertFalse(back.isEmpty(), "the bug recording replays on 1.0 without divergence");
            assertEquals(c.exercise().applyAsLong(bug.rows()), back.get(0).seq(), back.get(0).toString());
            List<Divergence> forth = ReplaySamplesTest.replay(good, c.model());
            assertFalse(forth.isEmpty(), "the 1.0 recording replays on " + c.model() + " without divergence");
            assertEquals(goodAt, forth.get(0).seq(), forth.get(0).toString());
        }));
    }

    ReplaySamplesTest.Recording record(Case c, String model) throws Exception {
        Path t = tmp.resolve(model + ".parquet");
        List<String> args = new ArrayList<>(List.of("record", "--rmm", model, "-o", t.toString()));
        args.addAll(c.scenario());
        String[] r = ReplayCliTest.run(args.toArray(new String[0]));
        assertEquals("0", r[0], r[2]);
        return read(t);
    }

    /** All rows of a trace file, with its metadata. */
    static ReplaySamplesTest.Recording read(Path t) throws Exception {
        List<TraceEvent> rows = new ArrayList<>();
        try (TraceReader in = TraceFiles.open(t)) {
            while (in.hasNext()) rows.add(in.next().toEvent());
            return new ReplaySamplesTest.Recording(in.metadata(), rows);
        }
    }

    static List<Finding> analyze(ReplaySamplesTest.Recording r) {
        Analyzer a = new Analyzer(RuleCatalog.all(), new FindingSink());
        a.run(r.rows().iterator());
        return a.findings().findings();
    }

    // --- the exercising events, by the reference's conditions ---------------------------------

    interface Match {
        boolean test(TraceEvent e);
    }

    static long first(List<TraceEvent> t, Match m) {
        for (TraceEvent e : t) {
            if (m.test(e)) return e.seq();
        }
        throw new AssertionError("the recording has no such event");
    }

    static boolean call(TraceEvent e, String cmd) {
        return e.kind() == EventKind.RMI_CALL && cmd.equals(e.cmd());
    }

    static boolean ok(TraceEvent e) {
        return "RMI_SUCCESS".equals(e.status());
    }

    static long arg(TraceEvent e, int n) {
        return e.args()[n - 1];
    }

    static boolean contains(long[] seqs, long seq) {
        for (long s : seqs) {
            if (s == seq) return true;
        }
        return false;
    }

    /** RMI_RTT_MAP_UNPROTECTED(rd, ipa, ...) of an IPA in the protected half (8.1). */
    static boolean mapsProtected(TraceEvent e) {
        return call(e, "RMI_RTT_MAP_UNPROTECTED") && Long.compareUnsigned(arg(e, 2), PROTECTED_TOP) < 0;
    }

    /** The first NS_READ of a granule an earlier successful DATA_DESTROY freed (x1 = its PA, 4.13). */
    static long readOfFreedData(List<TraceEvent> t) {
        Set<Long> freed = new HashSet<>();
        for (TraceEvent e : t) {
            if (call(e, "RMI_DATA_DESTROY") && ok(e)) freed.add(e.out()[0]);
            if (e.kind() == EventKind.NS_READ && freed.contains(e.pa() & ~0xFFFL)) return e.seq();
        }
        throw new AssertionError("no host read of a freed DATA granule");
    }

    static long firstDataDestroy(List<TraceEvent> t) {
        return first(t, e -> call(e, "RMI_DATA_DESTROY") && ok(e));
    }

    /** The successful UNDELEGATE of the granule the first successful DATA_DESTROY freed. */
    static long undelegateOfFirstDestroyed(List<TraceEvent> t) {
        long pa = -1;
        for (TraceEvent e : t) {
            if (pa < 0 && call(e, "RMI_DATA_DESTROY") && ok(e)) pa = e.out()[0];
            if (pa >= 0 && call(e, "RMI_GRANULE_UNDELEGATE") && ok(e) && arg(e, 1) == pa) return e.seq();
        }
        throw new AssertionError("the freed granule is never undelegated");
    }

    /**
     * RTT_SET_RIPAS naming a REC with no request pending: a request is made by a RIPAS_CHANGE
     * exit and completed by the next successful REC_ENTER of that REC (4.21, 4.22, 8.4).
     */
    static long unrequestedSetRipas(List<TraceEvent> t) {
        Map<Long, Boolean> pending = new HashMap<>();
        for (TraceEvent e : t) {
            if (call(e, "RMI_REC_ENTER") && ok(e)) pending.put(arg(e, 1), false);
            if (e.kind() == EventKind.REC_EXIT && "RIPAS_CHANGE".equals(e.exitReason())) pending.put(e.rec(), true);
            if (call(e, "RMI_RTT_SET_RIPAS") && !pending.getOrDefault(arg(e, 2), false)) return e.seq();
        }
        throw new AssertionError("no unrequested RTT_SET_RIPAS");
    }

    /** The first protected-half fault at an IPA whose RIPAS is EMPTY (8.2). */
    static long emptyFault(List<TraceEvent> t) {
        return first(t, e -> e.kind() == EventKind.STAGE2_FAULT && "PROTECTED".equals(e.half())
                && "EMPTY".equals(e.ripas()));
    }

    /** REC_ENTER of a REC whose realm went SYSTEM_OFF (7.2; 4.22 system_off). */
    static long enterAfterOff(List<TraceEvent> t) {
        Map<Long, Long> realmOf = new HashMap<>();
        Set<Long> off = new HashSet<>();
        for (TraceEvent e : t) {
            if (e.kind() == EventKind.REC_STATE) realmOf.put(e.rec(), e.realm());
            if (e.kind() == EventKind.REALM_STATE && "SYSTEM_OFF".equals(e.to())) off.add(e.realm());
            if (call(e, "RMI_REC_ENTER") && off.contains(realmOf.get(arg(e, 1)))) return e.seq();
        }
        throw new AssertionError("no REC_ENTER after SYSTEM_OFF");
    }

    /** REC_CREATE(rd, ...) after the realm became ACTIVE (4.9 realm_state). */
    static long recCreateAfterActivate(List<TraceEvent> t) {
        Set<Long> active = new HashSet<>();
        for (TraceEvent e : t) {
            if (e.kind() == EventKind.REALM_STATE && "ACTIVE".equals(e.to())) active.add(e.realm());
            if (call(e, "RMI_REC_CREATE") && active.contains(arg(e, 1))) return e.seq();
        }
        throw new AssertionError("no REC_CREATE after activation");
    }

    /**
     * REC_CREATE(rd, rec, params) whose RecParams.mpidr (offset 0x100, 9.2, as the host last
     * wrote the page) is not REC index "successful REC_CREATEs of rd so far" (4.9 mpidr_index).
     */
    static long recCreateWrongMpidr(List<TraceEvent> t) {
        Map<Long, byte[]> written = new HashMap<>();
        Map<Long, Integer> created = new HashMap<>();
        for (TraceEvent e : t) {
            if (e.kind() == EventKind.NS_WRITE && (e.pa() & 0xFFF) == 0 && e.payload().length >= 0x108) {
                written.put(e.pa(), e.payload());
            }
            if (!call(e, "RMI_REC_CREATE")) continue;
            byte[] params = written.get(arg(e, 3));
            long mpidr = 0;
            for (int i = 7; i >= 0; i--) mpidr = mpidr << 8 | (params[0x100 + i] & 0xFF);
            long index = (mpidr & 0xF) | (mpidr >> 8 & 0xFF) << 4 | (mpidr >> 16 & 0xFF) << 12 | (mpidr >> 24 & 0xFF) << 20;
            if (index != created.getOrDefault(arg(e, 1), 0)) return e.seq();
            if (ok(e)) created.merge(arg(e, 1), 1, Integer::sum);
        }
        throw new AssertionError("no REC_CREATE with a wrong MPIDR");
    }
}
