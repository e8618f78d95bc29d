package io.ccatrace.analyzers.rtt;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/** Rule 2: a protected (realm-owned) mapping in the unprotected IPA half. */
public final class ProtectedMappingInUnprotectedRule extends BaseRule {
    public static final String ID = "protected-in-unprotected";

    public ProtectedMappingInUnprotectedRule() {
        super(ID, "Protected RTT entry (DATA or RIPAS) in the unprotected IPA half",
                "7.4 (UNASSIGNED/ASSIGNED live in the protected half), 8.1, 4.11/4.12 ipa_bound",
                EventKind.RTT_ENTRY, EventKind.RMI_CALL);
    }

    @Override
    public boolean judgesCall(RmiCommand c) {
        return c == RmiCommand.RMI_DATA_CREATE || c == RmiCommand.RMI_DATA_CREATE_UNKNOWN;
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.RTT_ENTRY) {
            RttState to = s.row.rttTo();
            RealmShadow r = s.realm(e.realm());
            if (r == null || !to.isProtected() || r.rtt.isProtected(e.ipa())) return;
            out.violation(ID, r.rd, "RTT entry at unprotected IPA " + hex(e.ipa()) + " (level "
                    + e.level() + ") became " + to + " " + e.toRipas()
                    + (to == RttState.ASSIGNED ? " -> PA " + hex(e.pa()) : "")
                    + ": realm-private memory reachable through the shared half", e.seq(), e.causeSeq());
            return;
        }
        RmiCommand c = s.row.rmi();
        if (c != RmiCommand.RMI_DATA_CREATE && c != RmiCommand.RMI_DATA_CREATE_UNKNOWN) return;
        RealmShadow r = s.realm(s.row.arg(1));
        long ipa = s.row.arg(3);
        if (r == null || ipa == Shadow.NULL || r.rtt.isProtected(ipa)) return;
        if (WalkBeforeHalfCheck.applies(e.status())) {
            out.violation(ID, r.rd, WalkBeforeHalfCheck.message(c.name(), ipa, "unprotected",
                    c == RmiCommand.RMI_DATA_CREATE ? "4.11" : "4.12"), e.seq());
            return;
        }
        reportCall(out, e, r.rd, c + " at unprotected IPA " + hex(ipa)
                + " reported success; spec 4.11 ipa_bound requires RMI_ERROR_INPUT",
                "host tried " + c + " at unprotected IPA " + hex(ipa));
    }
}
