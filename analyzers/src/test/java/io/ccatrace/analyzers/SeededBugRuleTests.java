package io.ccatrace.analyzers;

import static io.ccatrace.analyzers.RealmFixture.DATA;
import static io.ccatrace.analyzers.RealmFixture.RD;
import static io.ccatrace.analyzers.RealmFixture.REC;
import static io.ccatrace.analyzers.RealmFixture.RUN;
import static io.ccatrace.analyzers.RealmFixture.SRC;
import static io.ccatrace.analyzers.TraceBuilder.NULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks added for the seeded bugs no earlier rule saw: a granule back in NS that was
 * not scrubbed (rule granule-release), a DATA granule freed while still mapped
 * (granule-alias) and REC_CREATE's MPIDR index (must-fail). Each against a correct twin.
 */
class SeededBugRuleTests {
    private static final long REC2 = 0x8040_1000L;
    private static final long REC2_PARAMS = 0x8010_4000L;

    /** Active realm; DATA_DESTROY of IPA 0 as 4.13 says, then UNDELEGATE of the freed granule. */
    private static RealmFixture destroyedAndUndelegated() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
        f.t.granule(DATA, "DATA", "DELEGATED", NULL);
        f.t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
        f.t.undelegate(DATA);
        return f;
    }

    private static long read(RealmFixture f, long pa, byte[] got) {
        f.t.nsRead(pa, got.length);
        long seq = f.t.last();
        f.t.edit(seq, b -> b.payload(got));
        return seq;
    }

    // 4.21: base_bound/top_bound (order 5, RMI_ERROR_INPUT) rank before the walk (base_align,
    // no_progress: RMI_ERROR_RTT). 1.0-bug-ripas-unrequested answered a hostile host's
    // RTT_SET_RIPAS with no request pending by walking the tables (host-fuzz --seed 12
    // --events 500000, seq 105527: RMI_ERROR_RTT where 1.0 says RMI_ERROR_INPUT); analyze
    // called it a refused misuse (a warning) and found no violation in the trace
    @Test
    void aWalkRefusalOfASetRipasWithNoRequestShowsTheRequestCheckIsMissing() {
        RealmFixture bug = new RealmFixture().active();
        bug.t.rmi("RMI_RTT_SET_RIPAS", "RMI_ERROR_RTT", RD, REC, 0x4000, 0x6000);
        long seq = bug.t.last();
        List<Finding> v = Run.violations(bug.t.events(), "must-fail");
        assertEquals(1, v.size(), v.toString());
        assertEquals(seq, v.get(0).seq());
        assertTrue(v.get(0).message().contains("refused with RMI_ERROR_RTT but must fail before its RTT walk: REC 0x"
                + Long.toHexString(REC) + " has no pending RIPAS change request (4.21 base_bound"), v.get(0).message());

        RealmFixture ok = new RealmFixture().active();
        ok.t.rmi("RMI_RTT_SET_RIPAS", "RMI_ERROR_INPUT", RD, REC, 0x4000, 0x6000);
        List<Finding> w = Run.rules(ok.t.events(), "must-fail");
        assertEquals(1, w.size(), w.toString());
        assertEquals(Severity.WARNING, w.get(0).severity());

        // with the request pending, a walk that stops short is normal flow (4.21 base_align)
        RealmFixture flow = new RealmFixture().active();
        flow.requestRipas(0x4000, 0x6000, "EMPTY", 0);
        flow.t.rmi("RMI_RTT_SET_RIPAS", "RMI_ERROR_RTT", RD, REC, 0x4000, 0x6000);
        assertEquals(List.of(), Run.violations(flow.t.events(), "must-fail"));
    }

    // 7.1: every transition to DELEGATED zeroes the granule; 4.4: only DELEGATED granules go back to NS
    // 4.22 rec_mmio: EMUL_MMIO (enter.flags bit 0) is valid only after an emulatable data abort,
    // EC 0x24 with ISV = 1 at an Unprotected IPA. An RMM that accepts it after a protected-IPA
    // abort (TF-RMM rel0's quirk, docs/model-decisions.md) lets the host write a result into a
    // register of a realm access it must not emulate. No rule checked it before session 26.
    @Test
    void emulMmioAfterANonEmulatableExitMustFail() {
        long protectedAbort = 0x92000007L;             // EC 0x24, IL, ISV = 0 (the host sees no syndrome)
        long emulatableAbort = 0x93000007L;            // EC 0x24, IL, ISV = 1
        long unprotectedIpa = 1L << (TraceBuilder.S2SZ - 1) | 0x1000;
        RealmFixture bug = new RealmFixture().active();
        bug.enter(0);
        bug.t.exit(RD, REC, "SYNC", protectedAbort, 0x4000 >>> 8);
        bug.enter(1);
        long seq = bug.t.last();
        List<Finding> v = Run.violations(bug.t.events(), "must-fail");
        assertEquals(1, v.size(), v.toString());
        assertEquals(seq, v.get(0).seq());
        assertTrue(v.get(0).message().contains("4.22 rec_mmio"), v.get(0).message());

        RealmFixture refused = new RealmFixture().active();
        refused.enter(0);
        refused.t.exit(RD, REC, "SYNC", protectedAbort, 0x4000 >>> 8);
        refused.t.nsWrite(RUN, TraceBuilder.recRun(1));
        refused.t.rmi("RMI_REC_ENTER", "RMI_ERROR_REC", REC, RUN);
        assertEquals(List.of(), Run.violations(refused.t.events(), "must-fail"));

        RealmFixture ok = new RealmFixture().active();
        ok.enter(0);
        ok.t.exit(RD, REC, "SYNC", emulatableAbort, unprotectedIpa >>> 8);
        ok.enter(1);
        assertEquals(List.of(), Run.violations(ok.t.events(), "must-fail"));
    }

    @Test
    void aFreedGranuleMustReadAsZero() {
        RealmFixture ok = destroyedAndUndelegated();
        read(ok, DATA, new byte[64]);
        assertEquals(List.of(), Run.violations(ok.t.events(), "granule-release"));

        RealmFixture leak = destroyedAndUndelegated();
        byte[] got = new byte[64];
        got[0] = 0x42;   // the DATA page's content (RealmFixture's source page)
        long seq = read(leak, DATA, got);
        List<Finding> v = Run.violations(leak.t.events(), "granule-release");
        assertEquals(1, v.size(), v.toString());
        assertEquals(seq, v.get(0).seq());
    }

    // bytes the host itself wrote after the release are what it must read back
    @Test
    void bytesTheHostWroteAfterTheReleaseAreExpected() {
        RealmFixture f = destroyedAndUndelegated();
        byte[] mine = new byte[16];
        mine[3] = 0x7f;
        f.t.nsWrite(DATA + 0x100, mine);
        byte[] got = new byte[0x200];
        got[0x103] = 0x7f;
        read(f, DATA, got);
        assertEquals(List.of(), Run.violations(f.t.events(), "granule-release"));
    }

    // memory the trace never showed leaving NS is not judged (its initial contents are unknown)
    @Test
    void granulesThatNeverLeftNsAreNotJudged() {
        RealmFixture f = new RealmFixture().active();
        byte[] got = new byte[64];
        got[10] = 1;
        read(f, SRC + 0x1000 * 64, got);
        assertEquals(List.of(), Run.violations(f.t.events(), "granule-release"));
    }

    // 4.13: DATA_DESTROY makes the entry UNASSIGNED in the same call (rows in either order)
    @Test
    void aDataGranuleFreedWhileMappedIsCaught() {
        RealmFixture bug = new RealmFixture().active();
        bug.t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
        bug.t.granule(DATA, "DATA", "DELEGATED", NULL);
        long freed = bug.t.last();
        bug.t.rmi("RMI_RTT_READ_ENTRY", "RMI_SUCCESS", RD, 0, 3);
        List<Finding> v = Run.violations(bug.t.events(), "granule-alias");
        assertEquals(1, v.size(), v.toString());
        assertEquals(freed, v.get(0).seq());
        assertTrue(v.get(0).seqs()[1] == freed - 1, "cites the DATA_DESTROY: " + v);

        for (boolean entryFirst : new boolean[] {true, false}) {
            RealmFixture ok = new RealmFixture().active();
            ok.t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
            if (entryFirst) ok.t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
            ok.t.granule(DATA, "DATA", "DELEGATED", NULL);
            if (!entryFirst) ok.t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
            ok.t.rmi("RMI_RTT_READ_ENTRY", "RMI_SUCCESS", RD, 0, 3);
            assertEquals(List.of(), Run.violations(ok.t.events(), "granule-alias"));
        }
    }

    /** The realm (NEW, one REC created) and a second REC_CREATE with params.mpidr = mpidr. */
    private static RealmFixture secondRec(long mpidr, String status) {
        RealmFixture f = new RealmFixture().created();
        f.t.delegate(REC2);
        f.t.nsWrite(REC2_PARAMS, TraceBuilder.recParams(false, mpidr, 0x1000));
        f.t.rmi("RMI_REC_CREATE", status, RD, REC2, REC2_PARAMS);
        return f;
    }

    // 4.9 mpidr_index: the MPIDR must name REC index = RECs created so far (here 1)
    @Test
    void recCreateMustNameTheNextIndex() {
        assertEquals(List.of(), Run.violations(secondRec(1, "RMI_SUCCESS").t.events(), "must-fail"));
        for (long wrong : new long[] {0, 2, 0x100, 1L << 32}) {
            RealmFixture f = secondRec(wrong, "RMI_SUCCESS");
            List<Finding> v = Run.violations(f.t.events(), "must-fail");
            assertEquals(1, v.size(), "mpidr " + wrong + ": " + v);
            assertEquals(f.t.last(), v.get(0).seq());
        }
        List<Finding> refused = Run.rules(secondRec(0, "RMI_ERROR_INPUT").t.events(), "must-fail");
        assertEquals(1, refused.size(), refused.toString());
        assertEquals(Severity.WARNING, refused.get(0).severity());
    }

    /**
     * 4.9 row 5: a realm that already has 2^MAX_RECS_ORDER - 1 live RECs gets no more
     * (ERROR_REALM). MAX_RECS_ORDER is read from the trace's RMI_FEATURES(0) x1, bits [41:38]
     * of the rel0 layout (2.5): with order 1 one REC is the most, with order 2 three.
     */
    @Test
    void recCreateBeyondTheRecLimitMustFail() {
        for (int order : new int[] {1, 2}) {
            RealmFixture f = new RealmFixture().created();        // one live REC
            f.t.rmiOut("RMI_FEATURES", "RMI_SUCCESS", new long[] {48L | (long) order << 38}, 0);
            f.t.delegate(REC2);
            f.t.nsWrite(REC2_PARAMS, TraceBuilder.recParams(false, 1, 0x1000));
            f.t.rmi("RMI_REC_CREATE", "RMI_SUCCESS", RD, REC2, REC2_PARAMS);
            List<Finding> v = Run.violations(f.t.events(), "must-fail");
            if (order == 1) {
                assertEquals(1, v.size(), v.toString());
                assertTrue(v.get(0).message().contains("already has 1 live RECs"), v.get(0).message());
            } else {
                assertEquals(List.of(), v, "order 2 allows 3 RECs");
            }
        }
    }
}
