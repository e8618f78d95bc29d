package io.ccatrace.analyzers.ripas;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * Rule 6: a RIPAS change the realm did not ask for (after activation), outside the range or
 * value it asked for, or out of DESTROYED without its consent; and a completed
 * RSI_IPA_STATE_SET that tells the realm a range changed when it did not. (DESTROYED to
 * mapped RAM is rule 8's.)
 */
public final class RipasChangeRule extends BaseRule {
    public static final String ID = "ripas-change";

    public RipasChangeRule() {
        super(ID, "RIPAS changed without the realm's request, outside it, or DESTROYED left without consent",
                "7.4 RIPAS rules, 4.21, 6.2 RSI_IPA_STATE_SET, 8.4 completion",
                EventKind.RTT_ENTRY, EventKind.RSI_CALL);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.RSI_CALL) {
            checkCompletion(e, s, out);
            return;
        }
        RttState to = s.row.rttTo();
        RealmShadow r = s.realm(e.realm());
        if (r == null || !to.isProtected()) return;
        int level = s.row.level;
        Ripas old = oldRipas(s, r, e, level);
        Ripas neu = s.row.toRipas();
        if (old == Ripas.NONE || neu == Ripas.NONE || old == neu) return;
        if (old == Ripas.DESTROYED && to == RttState.ASSIGNED && neu == Ripas.RAM) return;
        RipasVerdict v = RipasPermission.judge(s, r, e.ipa(), level, old, neu);
        if (v.allowed()) return;
        String msg = "IPA " + hex(e.ipa()) + " level " + level + ": " + v.reason();
        if (v.certain()) out.violation(ID, r.rd, msg, e.seq(), e.causeSeq());
        else out.warning(ID, r.rd, msg, e.seq(), e.causeSeq());
    }

    /** RIPAS before the change: the shadow's, or the row's own when the shadow cannot say. */
    static Ripas oldRipas(Shadow s, RealmShadow r, EventView e, int level) {
        RttLeaf l = s.walkTo(r, e.ipa(), level);
        if (l.level() == level) return l.state() == RttState.TABLE ? Ripas.NONE : l.ripas();
        return Ripas.parse(e.fromRipas());
    }

    /** The realm is told [base, x1) now has the value it asked for (8.4); check it does. */
    private void checkCompletion(EventView e, Shadow s, FindingSink out) {
        if (s.row.rsi() != RsiCommand.RSI_IPA_STATE_SET || !s.row.success) return;
        RecShadow rec = s.rec(e.rec());
        RealmShadow r = rec == null ? null : s.realm(rec.realm);
        if (r == null || !rec.completedRipas.active()) return;
        RipasRequest req = rec.completedRipas;
        long next = s.row.outReg(1);
        if (next == Shadow.NULL) return;
        if (Long.compareUnsigned(next, req.top()) > 0 || Long.compareUnsigned(next, req.base()) < 0) {
            out.violation(ID, r.rd, "realm told its RIPAS request [" + hex(req.base()) + ", " + hex(req.top())
                    + ") progressed to " + hex(next) + ", outside the request", e.seq(), req.seq());
            return;
        }
        if (s.row.outReg(2) != 0) return;
        long at = req.base();
        for (int guard = 0; Long.compareUnsigned(at, next) < 0 && guard < (1 << 20); guard++) {
            RttLeaf l = s.walk(r, at);
            if (l.ripas() != req.value()) {
                out.violation(ID, r.rd, "realm told IPAs [" + hex(req.base()) + ", " + hex(next) + ") are now "
                        + req.value() + " (ACCEPT) but IPA " + hex(at) + " is " + l.ripas(), e.seq(), req.seq());
                return;
            }
            at = l.top();
        }
    }
}
