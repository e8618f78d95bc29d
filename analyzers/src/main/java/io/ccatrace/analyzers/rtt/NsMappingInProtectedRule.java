package io.ccatrace.analyzers.rtt;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/** Rule 1: an unprotected (NS) mapping in a realm's protected IPA half. */
public final class NsMappingInProtectedRule extends BaseRule {
    public static final String ID = "ns-in-protected";

    public NsMappingInProtectedRule() {
        super(ID, "Unprotected (NS) RTT entry in the protected IPA half",
                "7.4 (UNASSIGNED_NS/ASSIGNED_NS live in the unprotected half), 8.1, 4.17 ipa_bound",
                EventKind.RTT_ENTRY, EventKind.RMI_CALL);
    }

    @Override
    public boolean judgesCall(RmiCommand c) {
        return c == RmiCommand.RMI_RTT_MAP_UNPROTECTED;
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.RTT_ENTRY) {
            RttState to = s.row.rttTo();
            RealmShadow r = s.realm(e.realm());
            if (r == null || !to.isUnprotected() || !r.rtt.isProtected(e.ipa())) return;
            out.violation(ID, r.rd, "RTT entry at protected IPA " + hex(e.ipa()) + " (level "
                    + e.level() + ") became " + to + (to == RttState.ASSIGNED_NS ? " -> PA " + hex(e.pa()) : "")
                    + ": host-chosen NS memory in the realm's protected half; the RMM must only"
                    + " accept RTT_MAP_UNPROTECTED for IPAs >= 2^(s2sz-1)", e.seq(), e.causeSeq());
            return;
        }
        if (s.row.rmi() != RmiCommand.RMI_RTT_MAP_UNPROTECTED) return;
        RealmShadow r = s.realm(s.row.arg(1));
        long ipa = s.row.arg(2);
        if (r == null || ipa == Shadow.NULL || !r.rtt.isProtected(ipa)) return;
        if (WalkBeforeHalfCheck.applies(e.status())) {
            out.violation(ID, r.rd, WalkBeforeHalfCheck.message("RMI_RTT_MAP_UNPROTECTED", ipa, "protected", "4.17"), e.seq());
            return;
        }
        reportCall(out, e, r.rd, "RMI_RTT_MAP_UNPROTECTED of protected IPA " + hex(ipa)
                + " reported success; spec 4.17 ipa_bound requires RMI_ERROR_INPUT",
                "host tried to map NS memory at protected IPA " + hex(ipa));
    }
}
