package io.ccatrace.analyzers;

import static io.ccatrace.analyzers.RealmFixture.*;
import static io.ccatrace.analyzers.TraceBuilder.NULL;
import static io.ccatrace.analyzers.TraceBuilder.UNPROTECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per rule: a synthetic trace that breaks it and a near-identical correct one that does not.
 * Expectations come from the reference sections cited on each test.
 */
class RuleTests {
    private static void assertCaught(String rule, RealmFixture f, long seq) {
        List<Finding> v = Run.violations(f.t.events(), rule);
        assertTrue(!v.isEmpty() && v.get(0).seq() == seq, rule + " should fire at seq " + seq + ": " + v);
    }

    private static void assertClean(String rule, RealmFixture f) {
        assertEquals(List.of(), Run.violations(f.t.events(), rule));
    }

    // 7.4 / 8.1: NS entries live only in the unprotected half
    @Test
    void nsMappingInProtectedHalf() {
        for (long ipa : new long[] {0x4000, UNPROTECTED + 0x4000}) {
            RealmFixture f = new RealmFixture().active();
            f.t.rmi("RMI_RTT_MAP_UNPROTECTED", "RMI_SUCCESS", RD, ipa, 3, 0x9000_0000L | 0xC4);
            f.t.rtt(RD, ipa, 3, "UNASSIGNED_NS", null, "ASSIGNED_NS", null, 0x9000_0000L);
            if (ipa < UNPROTECTED) assertCaught("ns-in-protected", f, f.t.last() - 1);
            else assertClean("ns-in-protected", f);
        }
    }

    // 4.17 ipa_bound: a refused attempt is a warning, not a violation
    @Test
    void refusedNsMappingIsWarning() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmi("RMI_RTT_MAP_UNPROTECTED", "RMI_ERROR_INPUT", RD, 0x4000, 3, 0x9000_0000L);
        List<Finding> fs = Run.rules(f.t.events(), "ns-in-protected");
        assertEquals(1, fs.size());
        assertEquals(Severity.WARNING, fs.get(0).severity());
    }

    // 4.17: ipa_bound (RMI_ERROR_INPUT) ranks before the walk, so a walk refusal (RMI_ERROR_RTT)
    // of a protected IPA shows the RMM skipped the half check (1.0-bug-map-unprot-protected
    // answers so until the host has created the tables, then maps the IPA); before, this was
    // a warning "host tried ... (refused with RMI_ERROR_RTT)", as if the RMM had refused it correctly
    @Test
    void aWalkRefusalOfAProtectedNsMappingIsAViolation() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmi("RMI_RTT_MAP_UNPROTECTED", "RMI_ERROR_RTT", RD, 0x4000, 3, 0x9000_0000L);
        long seq = f.t.last();
        List<Finding> v = Run.violations(f.t.events(), "ns-in-protected");
        assertEquals(1, v.size(), v.toString());
        assertEquals(seq, v.get(0).seq());
        assertTrue(v.get(0).message().contains("refused with RMI_ERROR_RTT: 4.17 checks ipa_bound"), v.get(0).message());
        // the same walk refusal of an unprotected IPA is normal host flow (create the table, retry)
        RealmFixture ok = new RealmFixture().active();
        ok.t.rmi("RMI_RTT_MAP_UNPROTECTED", "RMI_ERROR_RTT", RD, UNPROTECTED + 0x4000, 3, 0x9000_0000L);
        assertEquals(List.of(), Run.rules(ok.t.events(), "ns-in-protected"));
    }

    // 4.12: the same for DATA_CREATE_UNKNOWN of an unprotected IPA (4.11's ACS note: an
    // unprotected ipa beats rtt_walk and rtte_state)
    @Test
    void aWalkRefusalOfAnUnprotectedDataCreateIsAViolation() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_ERROR_RTT", RD, DATA2, UNPROTECTED + 0x1000);
        List<Finding> v = Run.violations(f.t.events(), "protected-in-unprotected");
        assertEquals(1, v.size(), v.toString());
        assertEquals(f.t.last(), v.get(0).seq());
        RealmFixture ok = new RealmFixture().active();
        ok.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_ERROR_RTT", RD, DATA2, 0x4000);
        assertEquals(List.of(), Run.rules(ok.t.events(), "protected-in-unprotected"));
    }

    // 7.4: protected entries (DATA, RIPAS) live only in the protected half
    @Test
    void protectedMappingInUnprotectedHalf() {
        for (long ipa : new long[] {UNPROTECTED + 0x1000, 0x1000}) {
            RealmFixture f = new RealmFixture().active();
            f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_SUCCESS", RD, DATA2, ipa);
            f.t.granule(DATA2, "DELEGATED", "DATA", RD);
            f.t.rtt(RD, ipa, 3, "UNASSIGNED", "RAM", "ASSIGNED", "RAM", DATA2);
            if (ipa >= UNPROTECTED) assertCaught("protected-in-unprotected", f, f.t.last() - 2);
            else assertClean("protected-in-unprotected", f);
        }
    }

    // 7.1: RD/REC/REC_AUX/RTT/DATA granules have PAS Realm
    @Test
    void granuleInUseWithoutRealmPas() {
        for (boolean delegated : new boolean[] {false, true}) {
            RealmFixture f = new RealmFixture().active();
            long pa = 0x8050_0000L;
            if (delegated) f.t.delegate(pa);
            else f.t.granule(pa, "UNDELEGATED", "DELEGATED", NULL); // state moved but PAS stayed NS
            f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_SUCCESS", RD, pa, 0x1000);
            f.t.granule(pa, "DELEGATED", "DATA", RD);
            if (delegated) assertClean("granule-pas", f);
            else assertCaught("granule-pas", f, f.t.last());
        }
    }

    // 7.1: only DELEGATED (scrubbed) granules go back to NS
    @Test
    void granuleReturnedToNsInUse() {
        for (boolean destroyFirst : new boolean[] {false, true}) {
            RealmFixture f = new RealmFixture().active();
            if (destroyFirst) {
                f.t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
                f.t.granule(DATA, "DATA", "DELEGATED", NULL);
                f.t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
            }
            f.t.rmi("RMI_GRANULE_UNDELEGATE", "RMI_SUCCESS", DATA);
            f.t.pas(DATA, "REALM", "NS");
            f.t.granule(DATA, destroyFirst ? "DELEGATED" : "DATA", "UNDELEGATED", NULL);
            if (destroyFirst) assertClean("granule-release", f);
            else assertCaught("granule-release", f, f.t.last() - 1);
        }
    }

    // 7.1 / 4.11: one DATA granule backs one protected IPA of one realm
    @Test
    void granuleMappedTwice() {
        for (long second : new long[] {DATA, DATA2}) {
            RealmFixture f = new RealmFixture().active();
            f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_SUCCESS", RD, second, 0x1000);
            if (second == DATA2) f.t.granule(DATA2, "DELEGATED", "DATA", RD);
            f.t.rtt(RD, 0x1000, 3, "UNASSIGNED", "RAM", "ASSIGNED", "RAM", second);
            if (second == DATA) assertCaught("granule-alias", f, f.t.last());
            else assertClean("granule-alias", f);
        }
    }

    // 7.4: after activation only RTT_SET_RIPAS applying the realm's request changes RIPAS
    @Test
    void unrequestedRipasChange() {
        for (boolean requested : new boolean[] {false, true}) {
            RealmFixture f = new RealmFixture().active();
            if (requested) f.requestRipas(0x1000, 0x2000, "EMPTY", 0);
            f.t.rmiOut("RMI_RTT_SET_RIPAS", requested ? "RMI_SUCCESS" : "RMI_SUCCESS", new long[] {0x2000},
                    RD, REC, 0x1000, 0x2000);
            f.t.rtt(RD, 0x1000, 3, "UNASSIGNED", "RAM", "UNASSIGNED", "EMPTY", NULL);
            if (requested) assertClean("ripas-change", f);
            else assertCaught("ripas-change", f, f.t.last());
        }
    }

    // 4.21: the change must stay inside the requested range
    @Test
    void ripasChangeOutsideRequest() {
        RealmFixture f = new RealmFixture().active();
        f.requestRipas(0x1000, 0x2000, "EMPTY", 0);
        f.t.rmiOut("RMI_RTT_SET_RIPAS", "RMI_SUCCESS", new long[] {0x2000}, RD, REC, 0x1000, 0x2000);
        f.t.rtt(RD, 0x0, 3, "ASSIGNED", "RAM", "ASSIGNED", "EMPTY", DATA);
        assertCaught("ripas-change", f, f.t.last());
    }

    // 4.21: leaving DESTROYED needs the realm's CHANGE_DESTROYED
    @Test
    void destroyedLeftOnlyWithConsent() {
        for (long flags : new long[] {0, 1}) {
            RealmFixture f = new RealmFixture().active();
            f.t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
            f.t.granule(DATA, "DATA", "DELEGATED", NULL);
            f.t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
            f.requestRipas(0, 0x1000, "EMPTY", flags);
            f.t.rmiOut("RMI_RTT_SET_RIPAS", "RMI_SUCCESS", new long[] {0x1000}, RD, REC, 0, 0x1000);
            f.t.rtt(RD, 0, 3, "UNASSIGNED", "DESTROYED", "UNASSIGNED", "EMPTY", NULL);
            if (flags == 1) assertClean("ripas-change", f);
            else assertCaught("ripas-change", f, f.t.last());
        }
    }

    // 8.2: EMPTY -> SEA; RAM never SEA
    @Test
    void emptyAccessMustBeSea() {
        for (String outcome : new String[] {"EXIT_TO_HOST", "SEA_INJECTED"}) {
            RealmFixture f = new RealmFixture().active();
            f.enter(0);
            f.t.fault(RD, REC, 0x2000, "EMPTY", "UNASSIGNED", outcome);
            if (outcome.equals("SEA_INJECTED")) assertClean("fault-empty", f);
            else assertCaught("fault-empty", f, f.t.last());
        }
        RealmFixture f = new RealmFixture().active();
        f.enter(0);
        f.t.fault(RD, REC, 0x0, "RAM", "ASSIGNED", "SEA_INJECTED");
        assertCaught("fault-empty", f, f.t.last());
    }

    // 8.5: a REC that faulted on DESTROYED cannot progress; 7.4: no RAM at DESTROYED without consent
    @Test
    void progressPastDestroyedFault() {
        for (boolean progresses : new boolean[] {true, false}) {
            RealmFixture f = new RealmFixture().active();
            f.t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
            f.t.granule(DATA, "DATA", "DELEGATED", NULL);
            f.t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
            f.enter(0);
            f.t.fault(RD, REC, 0x0, "DESTROYED", "UNASSIGNED", "EXIT_TO_HOST");
            f.t.exit(RD, REC, "SYNC", 0x24L << 26, 0);
            f.enter(0);
            if (progresses) f.t.exit(RD, REC, "HOST_CALL", 0, 0);
            else f.t.fault(RD, REC, 0x0, "DESTROYED", "UNASSIGNED", "EXIT_TO_HOST");
            if (progresses) assertCaught("fault-destroyed", f, f.t.last());
            else assertClean("fault-destroyed", f);
        }
        RealmFixture f = new RealmFixture().active();
        f.t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
        f.t.granule(DATA, "DATA", "DELEGATED", NULL);
        f.t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
        f.t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_SUCCESS", RD, DATA2, 0);
        f.t.granule(DATA2, "DELEGATED", "DATA", RD);
        f.t.rtt(RD, 0, 3, "UNASSIGNED", "DESTROYED", "ASSIGNED", "RAM", DATA2);
        assertCaught("fault-destroyed", f, f.t.last());
    }

    // 4.6: RIM frozen after activation; 10.2: reported RIM equals the recomputed one
    @Test
    void rimChecks() {
        RealmFixture ok = new RealmFixture().active();
        assertClean("measurement", ok);
        RealmFixture after = new RealmFixture().active();
        after.t.measurement(RD, 0, "DATA", new byte[32]);
        assertCaught("measurement", after, after.t.last());
        RealmFixture wrong = new RealmFixture().created();
        // hand-edit the DATA measurement row (the one after DATA_CREATE's RTT row)
        long row = -1;
        for (var e : wrong.t.events()) {
            if ("DATA".equals(e.cmd()) && e.kind() == io.ccatrace.trace.EventKind.MEASUREMENT) row = e.seq();
        }
        wrong.t.edit(row, b -> b.payload(new byte[32]));
        assertCaught("measurement", wrong, row);
    }

    // 4.3 gran_state, 4.11 realm_state, 4.7 realm_live: calls that must fail
    @Test
    void mustFailCalls() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmi("RMI_DATA_CREATE", "RMI_SUCCESS", RD, DATA2, 0x1000, SRC, 0);
        assertCaught("must-fail", f, f.t.last());
        RealmFixture g = new RealmFixture().active();
        g.t.rmi("RMI_REALM_DESTROY", "RMI_SUCCESS", RD);
        assertCaught("must-fail", g, g.t.last());
        RealmFixture h = new RealmFixture().active();
        h.t.rmi("RMI_DATA_CREATE", "RMI_ERROR_REALM", RD, DATA2, 0x1000, SRC, 0);
        h.t.rmi("RMI_GRANULE_DELEGATE", "RMI_ERROR_INPUT", RD);
        assertClean("must-fail", h);
        assertEquals(2, Run.of(Run.rules(h.t.events(), "must-fail"), Severity.WARNING).size());
    }

    // 14: a host access to Realm PAS memory raises a GPF
    @Test
    void nsAccessWithoutGpf() {
        for (boolean gpf : new boolean[] {false, true}) {
            RealmFixture f = new RealmFixture().active();
            f.t.nsWrite(DATA, new byte[8]);
            if (gpf) f.t.gpf(DATA, "REALM");
            f.t.nsRead(SRC, 8);
            if (gpf) assertClean("ns-gpf", f);
            else assertCaught("ns-gpf", f, f.t.last() - 1);
        }
    }

    // 7.2/7.3, 4.22: destroyed REC entered again; running REC entered
    @Test
    void lifecycleMisuse() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmi("RMI_REC_DESTROY", "RMI_SUCCESS", REC);
        f.t.granule(REC, "REC", "DELEGATED", NULL);
        f.enter(0);
        assertCaught("lifecycle", f, f.t.last());
        RealmFixture g = new RealmFixture().active();
        g.enter(0);
        g.t.recState(RD, REC, "RUNNABLE", "RUNNING");
        g.enter(0);
        assertCaught("lifecycle", g, g.t.last());
        RealmFixture ok = new RealmFixture().active();
        ok.enter(0);
        ok.t.recState(RD, REC, "RUNNABLE", "RUNNING");
        ok.t.exit(RD, REC, "IRQ", 0, 0);
        ok.t.recState(RD, REC, "RUNNING", "RUNNABLE");
        ok.enter(0);
        assertClean("lifecycle", ok);
    }
}
