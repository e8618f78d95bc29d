package io.ccatrace.analyzers.fault;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * Rule 7: a protected access to an EMPTY IPA must be answered by an SEA injected into the
 * realm, and an SEA must not answer an access to RAM (reference 8.2).
 */
public final class EmptyAccessRule extends BaseRule {
    public static final String ID = "fault-empty";
    static final String SEA = "SEA_INJECTED";

    public EmptyAccessRule() {
        super(ID, "Access to an EMPTY IPA not answered by SEA, or SEA on a RAM IPA",
                "8.2 (protected EMPTY -> SEA; ASSIGNED RAM accessible; UNASSIGNED RAM -> exit to host)",
                EventKind.STAGE2_FAULT);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        onFault(e, s.faultRealm(e, s.rec(e.rec())), e.ipa(), s, out);
    }

    /** A STAGE2_FAULT row at ipa in realm r (the row's realm, else its REC's: {@link Shadow#faultRealm}). */
    public void onFault(EventView e, RealmShadow r, long ipa, Shadow s, FindingSink out) {
        if (r == null || !r.rtt.isProtected(ipa)) return;
        RttLeaf l = s.walk(r, ipa);
        boolean sea = s.row.sea;
        if (l.ripas() == Ripas.EMPTY && !sea) {
            out.violation(ID, r.rd, where(e, l) + " answered by " + e.outcome()
                    + "; an EMPTY IPA must give the realm a synchronous external abort (8.2)", e.seq(), l.seq());
        } else if (l.ripas() == Ripas.RAM && sea) {
            out.violation(ID, r.rd, where(e, l) + " answered by an SEA; "
                    + (l.state() == RttState.ASSIGNED ? "mapped RAM must be accessible"
                    : "unassigned RAM must exit to the host so it can back the page") + " (8.2)", e.seq(), l.seq());
        }
    }

    private static String where(EventView e, RttLeaf l) {
        return e.access() + " of IPA " + hex(e.ipa()) + " (" + l.state() + " " + l.ripas() + traceSays(e, l) + ")";
    }

    static String traceSays(EventView e, RttLeaf l) {
        Ripas said = Ripas.parse(e.ripas());
        return said != Ripas.NONE && said != l.ripas() ? "; the fault row says " + said : "";
    }
}
