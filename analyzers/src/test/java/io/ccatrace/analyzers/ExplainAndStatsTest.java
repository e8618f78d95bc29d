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
