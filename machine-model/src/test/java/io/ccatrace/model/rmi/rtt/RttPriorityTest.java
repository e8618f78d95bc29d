package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_REALM;
import static io.ccatrace.model.rmi.Stage2.ERROR_REC;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/**
 * Priority of the RTT commands' failure conditions (reference 4.14-4.21): two conditions with
 * different results (or ERROR_RTT indices) hold at once; the one earlier in the reference's
 * order decides. Where DEN0137 1.0's "failure condition ordering" fixes the pair too, the
 * comment quotes it. The realm is the Stage2 default: IPA width 40, starting level 1.
 */
class RttPriorityTest {
    /** Unprotected page-aligned IPA in the second level-1 entry of the Unprotected half. */
    static final long NS_IPA = (1L << 39) + L1;
    static final long NS_DESC = 0x8800_0000L | 3L << 6;

    final Stage2 s = new Stage2();

    /** ERROR_INPUT, and the "top" output register x[top] is 0 (reference 3, 11.6). */
    private static void inputWithZero(long[] r, int top) {
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[top], "top output on ERROR_INPUT");
    }

    // 4.14 row 2 (level_bound) before row 6 (rtt_walk); spec [level_bound, ipa_bound] <
    // [rtt_walk, rtte_state]. Level 4 would walk to level 3 and stop at level 1.
    @Test
    void rttCreateLevelBoundBeatsRttWalk() {
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_CREATE", s.rd, s.realms.delegated(), 0, 4));
    }

    // 4.14 row 4 (ipa_bound: ipa >= 2^w) before row 6; same spec ordering
    @Test
    void rttCreateIpaBoundBeatsRttWalk() {
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_CREATE", s.rd, s.realms.delegated(), 1L << 40, 3));
    }

    // 4.14 row 3 (ipa_align to size(level-1)) before row 7 (rtte_state: parent already TABLE)
    @Test
    void rttCreateIpaAlignBeatsRtteState() {
        s.rtt(0, 2);
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_CREATE", s.rd, s.realms.delegated(), L3, 2));
    }

    // 4.14 row 5 (rtt_bound2) before row 6: RttCreateTest.rttAbovePaLimitWithoutLpa2

    // 4.15 row 3 (ipa_align) before row 4 (rtt_walk): ERROR_INPUT with x2 = 0, not a top
    @Test
    void rttDestroyIpaAlignBeatsRttWalk() {
        inputWithZero(s.rmi("RMI_RTT_DESTROY", s.rd, L3, 3), 2);
    }

    // 4.15 row 4 (rtt_walk, index = level reached) before row 5 (rtte_state, index level-1):
    // destroying a level-3 table where there is no level-2 table stops the walk at level 1
    @Test
    void rttDestroyRttWalkIndexIsTheLevelReached() {
        long[] r = s.rmi("RMI_RTT_DESTROY", s.rd, 0, 3);
        assertResult(ERROR_RTT, 1, r);
    }

    // 4.17 row 3 (desc invalid) before row 6 (rtt_walk): no level-2 table under NS_IPA
    @Test
    void mapUnprotectedDescBeatsRttWalk() {
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_MAP_UNPROTECTED", s.rd, NS_IPA, 3, NS_DESC | 1));
    }

    // 4.17 row 5 (ipa Protected) before row 6 (rtt_walk)
    @Test
    void mapUnprotectedProtectedIpaBeatsRttWalk() {
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_MAP_UNPROTECTED", s.rd, L1, 3, NS_DESC));
    }

    // 4.17 row 6 (rtt_walk, ERROR_RTT(L)) before row 7 (rtte_state, ERROR_RTT(level)): an
    // ASSIGNED_NS 2 MiB block stops the walk to level 3 at level 2
    @Test
    void mapUnprotectedRttWalkBeatsRtteState() {
        s.rtt(NS_IPA, 2);
        s.map(NS_IPA, 2, 0x8800_0000L | 3L << 6);
        assertResult(ERROR_RTT, 2, s.rmi("RMI_RTT_MAP_UNPROTECTED", s.rd, NS_IPA, 3, NS_DESC));
    }

    // 4.18 row 3 (ipa Protected) before row 4 (rtt_walk): ERROR_INPUT, x1 = 0
    @Test
    void unmapUnprotectedProtectedIpaBeatsRttWalk() {
        inputWithZero(s.rmi("RMI_RTT_UNMAP_UNPROTECTED", s.rd, L1, 3), 1);
    }

    // 4.20 row 3 (top_bound, ERROR_INPUT) before row 4 (realm_state, ERROR_REALM)
    @Test
    void initRipasTopBoundBeatsRealmState() {
        s.activate();
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_INIT_RIPAS", s.rd, 0, s.unprotected() + L3));
    }

    // 4.20 row 4 (realm_state, ERROR_REALM) before row 5 (base_align, ERROR_RTT): base is
    // inside the level-1 entry the walk stops at
    @Test
    void initRipasRealmStateBeatsBaseAlign() {
        s.activate();
        assertResult(ERROR_REALM, 0, s.rmi("RMI_RTT_INIT_RIPAS", s.rd, L3, 2 * L3));
    }

    /** A REC of the realm with a pending RAM request for [0, 4 MiB) (7.3 fields). */
    private long recWithRequest() {
        long rec = s.realms.rec(s.rd, 0);
        Rec r = s.realms.recObject(rec);
        r.ripasBase = 0;
        r.ripasTop = 2 * L2;
        r.ripasAddr = 0;
        r.ripasValue = 1;
        return rec;
    }

    /** A REC of a second realm (rec_owner fails for s.rd). */
    private long foreignRec() {
        long rd2 = s.realms.create(40, 1);
        return s.realms.rec(rd2, 0);
    }

    // 4.21 row 1 (size_valid, ERROR_INPUT) before row 4 (rec_owner, ERROR_REC)
    @Test
    void setRipasSizeValidBeatsRecOwner() {
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_SET_RIPAS", s.rd, foreignRec(), L2, L2));
    }

    // 4.21 row 1b (top_gran_align, ERROR_INPUT) before row 4 (rec_owner, ERROR_REC)
    @Test
    void setRipasTopGranAlignBeatsRecOwner() {
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_SET_RIPAS", s.rd, foreignRec(), 0, L3 + 1));
    }

    // 4.21 row 4 (rec_owner, ERROR_REC) before row 5 (base_bound, ERROR_INPUT): the foreign
    // REC has no request, so base != its ripas_addr too
    @Test
    void setRipasRecOwnerBeatsBaseBound() {
        assertResult(ERROR_REC, 0, s.rmi("RMI_RTT_SET_RIPAS", s.rd, foreignRec(), L3, 2 * L3));
    }

    // 4.21 row 5 (base_bound, ERROR_INPUT) before row 6 (base_align, ERROR_RTT); spec
    // [base_bound] < [base_align]. base is inside the level-1 entry and not the request's addr.
    @Test
    void setRipasBaseBoundBeatsBaseAlign() {
        long rec = recWithRequest();
        s.activate();
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_SET_RIPAS", s.rd, rec, L3, 2 * L3));
    }

    // 4.21 row 5 (top_bound: top > request top, ERROR_INPUT) before row 7 (no_progress)
    @Test
    void setRipasTopBoundBeatsNoProgress() {
        long rec = recWithRequest();
        s.activate();
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_SET_RIPAS", s.rd, rec, 0, 4 * L2));
    }
}
