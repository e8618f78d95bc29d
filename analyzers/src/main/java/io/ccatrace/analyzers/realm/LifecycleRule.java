package io.ccatrace.analyzers.realm;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rmi.Verdict;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * Rule 12: lifecycle misuse accepted: a destroyed realm or REC used again, a running REC
 * entered or destroyed, a realm state change the lifecycle does not allow (reference 7.2,
 * 7.3), or a destroyed REC still executing.
 */
public final class LifecycleRule extends BaseRule {
    public static final String ID = "lifecycle";

    public LifecycleRule() {
        super(ID, "Destroyed realm/REC used again, running REC entered, illegal realm transition",
                "7.2 (realm states), 7.3 (REC state), 4.10 rec_state, 4.22 rec state",
                EventKind.RMI_CALL, EventKind.REALM_STATE, EventKind.RSI_CALL, EventKind.REC_EXIT);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        switch (s.row.kind()) {
            case RMI_CALL:
                checkCall(e, s, out);
                return;
            case REALM_STATE:
                checkTransition(e, s, out);
                return;
            default:
                checkExecution(e, s, out);
        }
    }

    /** An RMI_CALL row: a call naming a destroyed or running object (the verdict's lifecycle part). */
    public void checkCall(EventView e, Shadow s, FindingSink out) {
        RmiCommand c = s.row.rmi();
        Verdict v = s.rmiVerdict(e);
        if (v == null || !v.lifecycle()) return;
        long realm = s.row.arg(1);
        RecShadow rec = s.rec(realm);
        if (rec != null) realm = rec.realm;
        reportCall(out, e, realm, c + " reported RMI_SUCCESS but " + v.reason(),
                "host lifecycle misuse: " + c + ": " + v.reason(), s.granules.since(s.row.arg(1)));
    }

    private static boolean allowed(RealmState from, RealmState to) {
        switch (to) {
            case NEW: return from == RealmState.NONE;
            case ACTIVE: return from == RealmState.NEW;
            case SYSTEM_OFF: return from == RealmState.ACTIVE;
            case DESTROYED: return from != RealmState.DESTROYED;
            default: return true;
        }
    }

    private void checkTransition(EventView e, Shadow s, FindingSink out) {
        RealmShadow r = s.realm(e.realm());
        RealmState from = r == null ? RealmState.NONE : r.state;
        RealmState to = RealmState.parse(e.to());
        if (to == RealmState.NEW && r != null && r.stateSeq < 0) return;
        if (!allowed(from, to)) {
            out.violation(ID, e.realm(), "realm " + hex(e.realm()) + " went " + from + " -> " + to
                    + ", a transition the realm lifecycle does not have (7.2)", e.seq(), e.causeSeq());
        }
    }

    /** An RSI_CALL or REC_EXIT row: the REC executing must be live. */
    public void checkExecution(EventView e, Shadow s, FindingSink out) {
        long recPa = e.rec();
        checkExecution(e, recPa, s.rec(recPa), s, out);
    }

    /** {@link #checkExecution(EventView, Shadow, FindingSink)} with the row's REC and its shadow (null if none) looked up by the caller. */
    public void checkExecution(EventView e, long recPa, RecShadow rec, Shadow s, FindingSink out) {
        if (recPa == Shadow.NULL || rec != null) return;
        if (s.granules.state(recPa) != GranuleState.REC) {
            out.violation(ID, e.realm(), "REC " + hex(recPa) + " executed (" + e.kind() + ") but it is "
                    + s.granules.state(recPa) + ", not a live REC", e.seq(), e.causeSeq());
        }
    }
}
