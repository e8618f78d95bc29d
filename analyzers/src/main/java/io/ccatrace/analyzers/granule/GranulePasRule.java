package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/** Rule 3: a granule used as RD, REC, REC_AUX, RTT or DATA while its PAS is not Realm. */
public final class GranulePasRule extends BaseRule {
    public static final String ID = "granule-pas";

    public GranulePasRule() {
        super(ID, "Granule used as RD/REC/REC_AUX/RTT/DATA while its PAS is not Realm",
                "7.1 (every state but UNDELEGATED has PAS Realm), 4.3, 14",
                EventKind.GRANULE_STATE, EventKind.RTT_ENTRY);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.GRANULE_STATE) {
            GranuleState to = s.row.granuleTo();
            Pas pas = s.granules.pas(e.pa());
            if (to.inUse() && pas != Pas.REALM) {
                out.violation(ID, e.realm(), "granule " + hex(e.pa()) + " became " + to
                        + " while its PAS is " + pas + ": the host (or another world) can still"
                        + " reach it; only a delegated granule (PAS Realm) may hold realm state",
                        e.seq(), e.causeSeq());
            }
            return;
        }
        if (s.row.rttTo() != RttState.ASSIGNED || e.pa() == Shadow.NULL) return;
        RealmShadow r = s.realm(e.realm());
        if (r == null || !r.rtt.isProtected(e.ipa())) return;
        Pas pas = s.granules.pas(e.pa());
        if (pas != Pas.REALM) {
            out.violation(ID, r.rd, "protected IPA " + hex(e.ipa()) + " mapped to PA " + hex(e.pa())
                    + " whose PAS is " + pas + ": realm-private memory the host can read and write",
                    e.seq(), e.causeSeq());
        }
    }
}
