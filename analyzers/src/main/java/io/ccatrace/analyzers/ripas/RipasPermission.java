package io.ccatrace.analyzers.ripas;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttTree;

/**
 * Who may change RIPAS, and how (reference 7.4 "RIPAS rules", 4.20, 4.21, 4.13): before
 * activation only RTT_INIT_RIPAS (EMPTY to RAM), DATA_CREATE (to RAM) and DATA_DESTROY
 * (RAM to DESTROYED); after activation only DATA_DESTROY (RAM to DESTROYED) and RTT_SET_RIPAS
 * applying a realm's own pending request, inside its range, to its value, and leaving
 * DESTROYED only with the realm's CHANGE_DESTROYED consent.
 */
public final class RipasPermission {
    private RipasPermission() {
    }

    public static RipasVerdict judge(Shadow s, RealmShadow r, long ipa, int level, Ripas old, Ripas neu) {
        RmiCommand c = s.input.rmi();
        if (c == RmiCommand.RMI_DATA_DESTROY && old == Ripas.RAM && neu == Ripas.DESTROYED) return RipasVerdict.OK;
        if (!r.state.activated()) {
            if (c == RmiCommand.RMI_RTT_INIT_RIPAS && old == Ripas.EMPTY && neu == Ripas.RAM) return RipasVerdict.OK;
            if (c == RmiCommand.RMI_DATA_CREATE && neu == Ripas.RAM) return RipasVerdict.OK;
            if (c != RmiCommand.RMI_RTT_SET_RIPAS) {
                return RipasVerdict.no("RIPAS " + change(old, neu, c) + " in a NEW realm; before activation only"
                        + " RTT_INIT_RIPAS (EMPTY -> RAM), DATA_CREATE (-> RAM) and DATA_DESTROY"
                        + " (RAM -> DESTROYED) change RIPAS (7.4)");
            }
        }
        if (c != RmiCommand.RMI_RTT_SET_RIPAS) {
            return RipasVerdict.no("RIPAS " + change(old, neu, c) + " after activation; only RTT_SET_RIPAS applying"
                    + " the realm's own request may change it (7.4)");
        }
        RecShadow rec = s.rec(s.input.arg(2));
        RipasRequest req = rec == null ? null : rec.ripas;
        if (req == null || !req.active()) {
            return RipasVerdict.no("RIPAS " + change(old, neu, c) + " with no RIPAS change request pending on REC "
                    + hex(s.input.arg(2)) + " (4.21: the REC's request bounds every change)");
        }
        if (rec.realm != r.rd) {
            return RipasVerdict.no("RIPAS " + change(old, neu, c) + " in realm " + hex(r.rd) + " using the request of REC "
                    + hex(rec.rec) + " of realm " + hex(rec.realm) + " (4.21 rec_owner)");
        }
        long base = ipa & -RttTree.size(level);
        long top = base + RttTree.size(level);
        if (Long.compareUnsigned(base, req.base()) < 0 || Long.compareUnsigned(top, req.top()) > 0) {
            return RipasVerdict.no("RIPAS " + change(old, neu, c) + " of [" + hex(base) + ", " + hex(top)
                    + ") outside the range the realm requested [" + hex(req.base()) + ", " + hex(req.top())
                    + ") (exit seq " + req.seq() + ")");
        }
        if (neu != req.value()) {
            return RipasVerdict.no("RIPAS " + change(old, neu, c) + " at " + hex(base) + " but the realm asked for "
                    + req.value() + " (exit seq " + req.seq() + ")");
        }
        if (old == Ripas.DESTROYED && req.changeDestroyed() == 0) {
            return RipasVerdict.no("RIPAS DESTROYED -> " + neu + " at " + hex(base) + " although the realm"
                    + " asked with NO_CHANGE_DESTROYED (exit seq " + req.seq() + "; 4.21)");
        }
        if (old == Ripas.DESTROYED && req.changeDestroyed() < 0) {
            return new RipasVerdict(false, false, "RIPAS DESTROYED -> " + neu + " at " + hex(base)
                    + ": the trace does not show whether the realm gave CHANGE_DESTROYED consent"
                    + " (no matching RSI_IPA_STATE_SET guest step)");
        }
        return RipasVerdict.OK;
    }

    /** "OLD -> NEW by COMMAND", built only for a refusal (most changes are allowed). */
    private static String change(Ripas old, Ripas neu, RmiCommand c) {
        return old + " -> " + neu + " by " + c;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
