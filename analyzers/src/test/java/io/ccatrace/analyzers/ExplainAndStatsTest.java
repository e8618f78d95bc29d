package io.ccatrace.analyzers;

import static io.ccatrace.analyzers.RealmFixture.*;
import static io.ccatrace.analyzers.TraceBuilder.NULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.explain.CrashExplainer;
import io.ccatrace.analyzers.explain.Explanation;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.stats.StatsReport;
import io.ccatrace.analyzers.stats.TraceStats;
import io.ccatrace.trace.TraceEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainAndStatsTest {
    private static List<Explanation> explain(List<TraceEvent> events) {
        CrashExplainer ex = new CrashExplainer();
        new Analyzer(List.of(ex), new FindingSink()).run(events.iterator());
        return ex.explanations();
    }

    // 8.5: a REC faulting on a DESTROYED IPA cannot proceed; the root cause is the host's DATA_DESTROY
    @Test
    void destroyedFaultNamesTheDataDestroy() {
        RealmFixture f = new RealmFixture().active();
        long[] seqs = f.destroyedRamFault();
        long destroySeq = seqs[0];
        long faultSeq = seqs[1];
        List<Explanation> xs = explain(f.t.events());
        assertEquals(1, xs.size());
        String text = xs.get(0).text();
        assertTrue(text.contains("entry last changed by RMI_DATA_DESTROY, seq " + destroySeq), text);
        assertTrue(text.contains("seq " + faultSeq), text);
    }

    // 8.2: SEA on an EMPTY IPA the realm never set to RAM, and nothing after it
    @Test
    void seaWithoutProgressIsExplained() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.fault(RD, REC, 0x5000, "EMPTY", "UNASSIGNED", "SEA_INJECTED");
        List<Explanation> xs = explain(f.t.events());
        assertEquals(1, xs.size());
        assertTrue(xs.get(0).text().contains("IPA 0x5000 is EMPTY"), xs.get(0).text());
        // the same trace where the realm goes on (a host call) is not a crash
        f.t.exit(RD, REC, "HOST_CALL", 0, 0);
        assertEquals(List.of(), explain(f.t.events()));
    }

    // a guest that panics on the SEA (SYSTEM_RESET right after it) crashed on that SEA
    @Test
    void seaFollowedByShutdownIsACrash() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.fault(RD, REC, 0x5000, "EMPTY", "UNASSIGNED", "SEA_INJECTED");
        f.t.rsi(RD, REC, "PSCI_SYSTEM_RESET", 0x84000009L, "PSCI_SUCCESS", new long[0]);
        long reset = f.t.last();
        List<Explanation> xs = explain(f.t.events());
        assertEquals(1, xs.size());
        assertTrue(xs.get(0).text().contains("could not handle") && xs.get(0).text().contains("seq " + reset), xs.get(0).text());
    }

    // 8.2: an access to an EMPTY IPA is an SEA with no exit; an RMM that exits to the host
    // instead (the seeded bug 1.0-bug-fault-skips-ripas) leaves the host nothing to do (8.5):
    // it destroys the REC and the ACTIVE realm. Before, explain said no realm crashed.
    @Test
    void anEmptyIpaExitTheHostCouldNotHandleIsWhyItKilledTheRealm() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.fault(RD, REC, 0x5000, "EMPTY", "UNASSIGNED", "EXIT_TO_HOST");
        long fault = f.t.last();
        f.t.exit(RD, REC, "SYNC", 0x90000006L, 0x50);
        f.t.rmi("RMI_REC_DESTROY", "RMI_SUCCESS", REC);
        f.t.granule(REC, "REC", "DELEGATED", NULL);
        destroyRealm(f);
        List<Explanation> xs = explain(f.t.events());
        assertEquals(1, xs.size());
        String text = xs.get(0).text();
        assertTrue(text.contains("the host killed the realm after the RMM handed it REC 0x" + Long.toHexString(REC)
                + "'s access to an EMPTY IPA"), text);
        assertTrue(text.contains("root cause: the RMM exited to the host for REC 0x" + Long.toHexString(REC)
                + "'s access to IPA 0x5000 (UNASSIGNED EMPTY) at seq " + fault), text);
        assertTrue(text.contains("(8.2)") && text.contains("- the host tore the realm down (RMI_REALM_DESTROY, seq "), text);
    }

    // a fault exit the host handled (it backed the page and entered again) is not why it
    // later destroyed the realm: nothing to explain
    @Test
    void aFaultExitTheHostHandledIsNotACrash() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.fault(RD, REC, 0x1000, "RAM", "UNASSIGNED", "EXIT_TO_HOST");
        f.t.exit(RD, REC, "SYNC", 0x90000006L, 0x10);
        f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_SUCCESS", RD, DATA2, 0x1000);
        f.t.granule(DATA2, "DELEGATED", "DATA", RD);
        f.t.rtt(RD, 0x1000, 3, "UNASSIGNED", "RAM", "ASSIGNED", "RAM", DATA2);
        f.enter(0);
        f.t.exit(RD, REC, "IRQ", 0, 0);
        f.t.rmi("RMI_REC_DESTROY", "RMI_SUCCESS", REC);
        f.t.granule(REC, "REC", "DELEGATED", NULL);
        destroyRealm(f);
        assertEquals(List.of(), explain(f.t.events()));
    }

    // 7.4: RTT_CREATE unfolds an entry (the new table's entries keep its RIPAS), so it is not
    // why an IPA is EMPTY; before, an IPA EMPTY since the realm was created was "last changed
    // by RMI_RTT_CREATE" (crash-empty-access)
    @Test
    void anIpaNeverSetIsEmptySinceTheRealmWasCreatedNotSinceAnRttCreate() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.fault(RD, REC, 0x5000, "EMPTY", "UNASSIGNED", "SEA_INJECTED");
        String text = explain(f.t.events()).get(0).text();
        assertTrue(text.contains("IPA 0x5000 is EMPTY (its state since the realm was created (REALM_CREATE, seq "), text);
        assertTrue(!text.contains("RMI_RTT_CREATE"), text);
    }

    /** The host destroys the ACTIVE realm (its REC first): the rows a teardown ends with. */
    private static void destroyRealm(RealmFixture f) {
        f.t.rmi("RMI_REALM_DESTROY", "RMI_SUCCESS", RD);
        f.t.realmState(RD, "ACTIVE", "DESTROYED");
    }

    // a hostile host destroys a REC under the live realm; the VMM's next REC_ENTER fails (4.22
    // rec_gran_state) and it tears the realm down, refusals of its teardown on the way
    @Test
    void aRecDestroyedUnderTheRealmIsTheRootCauseNotTheTeardownsRefusals() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.exit(RD, REC, "IRQ", 0, 0);
        f.t.rmi("RMI_REC_DESTROY", "RMI_SUCCESS", REC);
        long destroyed = f.t.last();
        f.t.granule(REC, "REC", "DELEGATED", NULL);
        f.t.rmi("RMI_REC_ENTER", "RMI_ERROR_INPUT", REC, RUN);
        long failed = f.t.last();
        f.t.rmi("RMI_GRANULE_UNDELEGATE", "RMI_ERROR_INPUT", RD);   // a hostile call at the dead realm
        f.t.rmi("RMI_RTT_FOLD", "RMI_ERROR_RTT", RD, 0, 3);         // the teardown's own refusals
        f.t.rmi("RMI_RTT_DESTROY", "RMI_ERROR_INPUT", RD, 0, 3);
        destroyRealm(f);
        List<Explanation> xs = explain(f.t.events());
        assertEquals(1, xs.size());
        String text = xs.get(0).text();
        assertTrue(text.contains("root cause: REC 0x" + Long.toHexString(REC) + " had been destroyed (RMI_REC_DESTROY, seq "
                + destroyed + ") while the realm was ACTIVE"), text);
        assertTrue(text.contains("after RMI_REC_ENTER failed with RMI_ERROR_INPUT at seq " + failed), text);
    }

    // 4.22 run_pas: a RecRun page delegated (to the Realm PAS) cannot be read, REC_ENTER fails
    @Test
    void aRecRunPageOutOfTheNsPasIsTheRootCause() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.exit(RD, REC, "IRQ", 0, 0);
        f.t.delegate(RUN);
        f.t.rmi("RMI_REC_ENTER", "RMI_ERROR_INPUT", REC, RUN);
        destroyRealm(f);
        String text = explain(f.t.events()).get(0).text();
        assertTrue(text.contains("root cause: its RecRun page 0x" + Long.toHexString(RUN)
                + " (x2) was in the REALM PAS (DELEGATED), so the RMM could not read it while the realm was ACTIVE"), text);
    }

    // 8.5: after the destroyed-RAM fault the host tears down; its table refusals on the way
    // (RMI_ERROR_RTT, normal flow) and a map walk stopping short are not why it did
    @Test
    void teardownRefusalsAndShortWalksAreNotCitedAsTheHostsReason() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_ERROR_RTT", RD, DATA2, 0x400000);
        f.destroyedRamFault();
        f.t.rmi("RMI_RTT_FOLD", "RMI_ERROR_RTT", RD, 0, 3);
        f.t.rmi("RMI_RTT_DESTROY", "RMI_ERROR_INPUT", RD, 0, 3);
        destroyRealm(f);
        List<Explanation> xs = explain(f.t.events());
        assertEquals(1, xs.size());
        String text = xs.get(0).text();
        assertTrue(text.contains("- the host tore the realm down (RMI_REALM_DESTROY, seq "), text);
        assertTrue(!text.contains(" after RMI_"), "no refusal cited: " + text);
    }

    // a hostile host activates a realm its VMM is still building: the VMM's next DATA_CREATE
    // fails with RMI_ERROR_REALM (reference 7.2: DATA_CREATE needs a NEW realm) and it kills
    // the realm; the root cause is the activation, which the explanation names with its seq
    @Test
    void anActivationBeforeTheBuildEndedIsTheRootCauseOfAnErrorRealm() {
        RealmFixture f = new RealmFixture().created();
        f.t.rmi("RMI_REALM_ACTIVATE", "RMI_SUCCESS", RD);
        long activate = f.t.last();
        f.t.realmState(RD, "NEW", "ACTIVE");
        f.t.rmi("RMI_DATA_CREATE", "RMI_ERROR_REALM", RD, DATA2, 0x1000, SRC, 0);
        long refused = f.t.last();
        destroyRealm(f);
        String text = explain(f.t.events()).get(0).text();
        assertTrue(text.contains("root cause: the realm had been ACTIVE since RMI_REALM_ACTIVATE at seq " + activate
                + ", and RMI_DATA_CREATE needs a NEW realm (7.2)"), text);
        assertTrue(text.contains("after RMI_DATA_CREATE failed with RMI_ERROR_REALM at seq " + refused), text);
    }

    // a refusal the host got past (the realm was entered again after it) is not why the host tore
    // the realm down: crash-destroyed-ram with --inject bad-emul-mmio said "after RMI_REC_ENTER
    // failed with RMI_ERROR_REC at seq 349" of a realm that ran on until it stuck at seq 595
    @Test
    void aRefusalTheRealmRanPastIsNotTheTeardownsReason() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.exit(RD, REC, "SYNC", 0x92000007L, 0x4000);
        f.t.rmi("RMI_REC_ENTER", "RMI_ERROR_REC", REC, RUN);   // EMUL_MMIO after a protected fault (4.22)
        f.enter(0);
        f.t.exit(RD, REC, "IRQ", 0, 0);
        f.destroyedRamFault();
        destroyRealm(f);
        String text = explain(f.t.events()).get(0).text();
        assertTrue(text.contains("cannot make progress"), text);
        assertTrue(!text.contains("RMI_ERROR_REC"), text);
    }

    // a refusal of a run-phase command after the last entry is kept: it may be why the host stopped
    @Test
    void aRefusedMapAfterTheLastEntryIsStillTheHostsReason() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.exit(RD, REC, "SYNC", 0x92000007L, 0x4000);
        f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_ERROR_INPUT", RD, DATA2, 0x400000);
        long refused = f.t.last();
        f.t.rmi("RMI_RTT_FOLD", "RMI_ERROR_RTT", RD, 0, 3);
        destroyRealm(f);
        String text = explain(f.t.events()).get(0).text();
        assertTrue(text.contains("after RMI_DATA_CREATE_UNKNOWN failed with RMI_ERROR_INPUT at seq " + refused), text);
    }

    /** The first realm of RD is killed (a REC destroyed under it), a second realm takes the RD. */
    private static RealmFixture twoRealmsOfOneRd() {
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.exit(RD, REC, "IRQ", 0, 0);
        f.t.rmi("RMI_REC_DESTROY", "RMI_SUCCESS", REC);
        f.t.granule(REC, "REC", "DELEGATED", NULL);
        f.t.rmi("RMI_REC_ENTER", "RMI_ERROR_INPUT", REC, RUN);
        destroyRealm(f);
        f.active();
        f.enter(0);
        f.t.exit(RD, REC, "IRQ", 0, 0);
        f.enter(0);
        f.t.exit(RD, REC, "IRQ", 0, 0);
        return f;
    }

    // an RD reused by a later realm: each realm has its own story, the crashed one is told apart
    @Test
    void aReusedRdGivesEachRealmItsOwnStory() {
        List<Explanation> xs = explain(twoRealmsOfOneRd().t.events());
        assertEquals(1, xs.size(), "the second realm runs on");
        String text = xs.get(0).text();
        assertTrue(text.startsWith("realm 0x" + Long.toHexString(RD) + " (the one created at seq "), text);
        assertTrue(text.contains("had been destroyed"), text);
    }

    // ... and its own stats summary: the second realm is 0xRD#2, and the counts do not add up
    @Test
    void aReusedRdGivesEachRealmItsOwnSummary() {
        TraceStats s = new TraceStats();
        s.startTrace();
        for (TraceEvent e : twoRealmsOfOneRd().t.events()) s.accept(e);
        StringWriter w = new StringWriter();
        StatsReport.csv(s, new PrintWriter(w));
        String csv = w.toString();
        String rd = "0x" + Long.toHexString(RD);
        assertTrue(csv.contains("realm," + rd + ",state,DESTROYED\n"), csv);
        assertTrue(csv.contains("realm," + rd + ",exits,1\n"), csv);
        assertTrue(csv.contains("realm," + rd + "#2,state,ACTIVE\n"), csv);
        assertTrue(csv.contains("realm," + rd + "#2,exits,2\n"), csv);
    }

    @Test
    void correctLifecycleExplainsNothing() {
        assertEquals(List.of(), explain(CleanTraceTest.fullLifecycle().t.events()));
    }

    @Test
    void statsCountCommandsRipasAndLatency() {
        RealmFixture f = new RealmFixture().active();
        TraceStats s = new TraceStats();
        s.startTrace();
        for (TraceEvent e : f.t.events()) s.accept(e);
        StringWriter w = new StringWriter();
        StatsReport.csv(s, new PrintWriter(w));
        String csv = w.toString();
        assertTrue(csv.contains("rmi,RMI_GRANULE_DELEGATE,RMI_SUCCESS,7\n"), csv);
        assertTrue(csv.contains("ripas_transition,EMPTY,RAM,2\n"), csv);
        assertTrue(csv.contains("delegated,peak_granules,,7\n"), csv);
        // every RMI call but the last (REALM_ACTIVATE, no input after it) gets a latency sample
        long calls = f.t.events().stream().filter(e -> e.kind() == io.ccatrace.trace.EventKind.RMI_CALL).count();
        assertTrue(csv.contains("latency_ns,ALL,count," + (calls - 1) + "\n"), csv);
        assertTrue(StatsReport.json(s).contains("\"RMI_REALM_CREATE\""));
    }

    @Test
    void jsonKeepsAPairWithoutSecondNameNextToPairsWithOne() throws Exception {
        // a fault answered without a RIPAS and one with: "fault,EXIT_TO_HOST,,1" and
        // "fault,EXIT_TO_HOST,RAM,1" in CSV; JSON cannot hold both as a number and an object
        TraceStats s = new TraceStats();
        s.startTrace();
        s.accept(TraceEvent.builder(0, io.ccatrace.trace.EventKind.STAGE2_FAULT).outcome("EXIT_TO_HOST").build());
        s.accept(TraceEvent.builder(1, io.ccatrace.trace.EventKind.STAGE2_FAULT).outcome("EXIT_TO_HOST").ripas("RAM").build());
        s.accept(TraceEvent.builder(2, io.ccatrace.trace.EventKind.STAGE2_FAULT).outcome("EXIT_TO_HOST").ripas("RAM").build());
        StringWriter w = new StringWriter();
        StatsReport.csv(s, new PrintWriter(w));
        assertTrue(w.toString().contains("fault,EXIT_TO_HOST,,1\nfault,EXIT_TO_HOST,RAM,2\n"), w.toString());
        com.fasterxml.jackson.databind.JsonNode fault = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(StatsReport.json(s)).get("fault").get("EXIT_TO_HOST");
        assertEquals(1, fault.get("-").asLong());
        assertEquals(2, fault.get("RAM").asLong());
    }
}
