package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * Rule 4: a granule returned to the Non-secure world while still in use, or without having
 * been scrubbed. A granule is scrubbed by every transition to DELEGATED (reference 7.1), so
 * the only scrubbed way back to NS is DELEGATED -> UNDELEGATED with nothing still mapping it,
 * and a host read of it afterwards must return zeros except where NS_WRITE rows put bytes
 * ({@link ScrubCheck}).
 */
public final class GranuleReleaseRule extends BaseRule {
    public static final String ID = "granule-release";

    public GranuleReleaseRule() {
        super(ID, "Granule returned to NS while in use or without passing through DELEGATED (scrub)",
                "7.1 (transitions; every return to DELEGATED zeroes), 4.4 gran_state, 14",
                EventKind.PAS_CHANGE, EventKind.GRANULE_STATE, EventKind.NS_READ);
    }

    /** An NS_READ row at pa: the bytes read from a granule back from the Realm PAS ({@link ScrubCheck}). */
    public void onNsRead(EventView e, long pa, Shadow s, FindingSink out) {
        ScrubCheck.check(ID, e, pa, s, out);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.NS_READ) {
            onNsRead(e, e.pa(), s, out);
            return;
        }
        long pa = e.pa();
        GranuleState state = s.granules.state(pa);
        if (s.row.kind() == EventKind.PAS_CHANGE) {
            if (s.row.pasTo() != Pas.NS || s.granules.pas(pa) == Pas.NS) return;
            long owner = s.granules.owner(pa);
            if (state.inUse()) {
                out.violation(ID, owner, "granule " + hex(pa) + " moved to PAS NS while it is still "
                        + state + (owner != Shadow.NULL ? " of realm " + hex(owner) : "")
                        + ": the host now reads realm state", e.seq(), e.causeSeq());
            } else if (s.mappings.realm(pa) != Shadow.NULL) {
                long realm = s.mappings.realm(pa);
                out.violation(ID, realm, "granule " + hex(pa) + " moved to PAS NS while still mapped"
                        + " at protected IPA " + hex(s.mappings.ipa(pa)) + " of realm " + hex(realm),
                        e.seq(), e.causeSeq());
            }
            return;
        }
        GranuleState to = s.row.granuleTo();
        if (to == GranuleState.UNDELEGATED && state != GranuleState.DELEGATED
                && state != GranuleState.UNDELEGATED) {
            out.violation(ID, s.granules.owner(pa), "granule " + hex(pa) + " went " + state
                    + " -> UNDELEGATED without passing through DELEGATED, so it was never scrubbed",
                    e.seq(), e.causeSeq());
        }
    }
}
