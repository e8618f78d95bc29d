package io.ccatrace.analyzers.fault;

import io.ccatrace.analyzers.engine.LongMap;
import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.ripas.RipasPermission;
import io.ccatrace.analyzers.ripas.RipasVerdict;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * Rule 8: nothing may become accessible at a DESTROYED IPA (only the realm's
 * CHANGE_DESTROYED request leaves DESTROYED), a DESTROYED access must exit to the host
 * rather than be absorbed by an SEA, and a REC that faulted on a DESTROYED IPA cannot make
 * progress while it stays DESTROYED (reference 7.4, 8.2, 8.5).
 */
public final class DestroyedIpaRule extends BaseRule {
    public static final String ID = "fault-destroyed";
    private final LongMap<Void> reported = new LongMap<>();

    public DestroyedIpaRule() {
        super(ID, "RAM mapped at a DESTROYED IPA, or a REC progressing past a DESTROYED fault",
                "7.4 (DESTROYED is sticky), 8.2, 8.5",
                EventKind.RTT_ENTRY, EventKind.STAGE2_FAULT, EventKind.RSI_CALL, EventKind.REC_EXIT);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        switch (s.row.kind()) {
            case RTT_ENTRY:
                checkMapping(e, s, out);
                return;
            case STAGE2_FAULT: {
                RecShadow rec = s.rec(e.rec());
                onFault(e, rec, s.faultRealm(e, rec), e.ipa(), s, out);
                return;
            }
            case REC_EXIT:
                onRecExit(e, s.rec(e.rec()), s, out);
                return;
            default:
                checkProgress(e, s.rec(e.rec()), s, out, -1);
        }
    }

    /** A REC_EXIT row of REC rec (its shadow, null if none): an exit that shows progress must not follow a fault on a DESTROYED IPA still DESTROYED. */
    public void onRecExit(EventView e, RecShadow rec, Shadow s, FindingSink out) {
        if (s.row.exit().progress()) checkProgress(e, rec, s, out, -1);
    }

    private void checkMapping(EventView e, Shadow s, FindingSink out) {
        RealmShadow r = s.realm(e.realm());
        if (r == null || s.row.rttTo() != RttState.ASSIGNED || s.row.toRipas() != Ripas.RAM) return;
        int level = s.row.level;
        RttLeaf l = s.walkTo(r, e.ipa(), level);
        if (l.level() != level || l.ripas() != Ripas.DESTROYED) return;
        RipasVerdict v = RipasPermission.judge(s, r, e.ipa(), level, Ripas.DESTROYED, Ripas.RAM);
        if (v.allowed()) return;
        String msg = "RAM mapped at DESTROYED IPA " + hex(e.ipa()) + " (destroyed at seq " + l.seq() + "): " + v.reason();
        if (v.certain()) out.violation(ID, r.rd, msg, e.seq(), l.seq());
        else out.warning(ID, r.rd, msg, e.seq(), l.seq());
    }

    /** A STAGE2_FAULT row at ipa of REC rec (its shadow, or null) in realm r ({@link Shadow#faultRealm}). */
    public void onFault(EventView e, RecShadow rec, RealmShadow r, long ipa, Shadow s, FindingSink out) {
        checkFault(e, r, ipa, s, out);
        checkProgress(e, rec, s, out, ipa & ~0xFFFL);
    }

    private void checkFault(EventView e, RealmShadow r, long ipa, Shadow s, FindingSink out) {
        if (r == null || !r.rtt.isProtected(ipa)) return;
        RttLeaf l = s.walk(r, ipa);
        if (l.ripas() == Ripas.DESTROYED && s.row.sea) {
            out.violation(ID, r.rd, e.access() + " of DESTROYED IPA " + hex(e.ipa()) + " answered by an SEA the"
                    + " realm can handle and continue; a DESTROYED access must exit to the host (8.2)", e.seq(), l.seq());
        }
    }

    /** rec: the shadow of the row's REC (null if none). */
    private void checkProgress(EventView e, RecShadow rec, Shadow s, FindingSink out, long faultPage) {
        if (rec == null || !rec.stuck() || faultPage == rec.stuckIpa) return;
        int slot = reported.find(rec.rec);
        if (slot >= 0 && reported.a(slot) == rec.stuckSeq) return;
        RealmShadow r = s.realm(rec.realm);
        if (r == null) return;
        RttLeaf l = s.walk(r, rec.stuckIpa);
        if (l.ripas() != Ripas.DESTROYED) return;
        reported.setA(reported.slot(rec.rec), rec.stuckSeq);
        out.violation(ID, r.rd, "REC " + hex(rec.rec) + " made progress (" + e.kind() + ") after faulting on"
                + " DESTROYED IPA " + hex(rec.stuckIpa) + " at seq " + rec.stuckSeq + ", which is still DESTROYED;"
                + " nothing but the realm's own CHANGE_DESTROYED request can let it past (8.5)", e.seq(), rec.stuckSeq);
    }
}
