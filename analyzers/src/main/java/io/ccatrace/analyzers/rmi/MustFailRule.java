package io.ccatrace.analyzers.rmi;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * Rule 10: an RMI or RSI call the specification requires to fail (judged from the trace's
 * own history), reported as success. When the RMM refused a misuse correctly, a warning.
 */
public final class MustFailRule extends BaseRule {
    public static final String ID = "must-fail";
    /** The status only a command's RTT walk (rtt_walk, rtte_state, no_progress) returns. */
    public static final String WALK_REFUSAL = "RMI_ERROR_RTT";

    public MustFailRule() {
        super(ID, "RMI/RSI call that the spec requires to fail reported as success",
                "4.3-4.22 and 5 (failure conditions), 6.2 (RSI failure conditions)",
                EventKind.RMI_CALL, EventKind.RSI_CALL);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.RSI_CALL) {
            checkRsi(e, s, out);
            return;
        }
        onCall(e, s, out);
    }

    /** An RMI_CALL row: judged by the row's verdict ({@link Shadow#rmiVerdict}). */
    public void onCall(EventView e, Shadow s, FindingSink out) {
        RmiCommand c = s.row.rmi();
        Verdict v = s.rmiVerdict(e);
        if (v == null || v.lifecycle()) return;
        // a refusal the spec requires and nobody need be told about (an RTT walk that stops early):
        // nothing to report, so no message to build (reportCall would drop it)
        String status = e.status();
        if (!v.misuse() && !"RMI_SUCCESS".equals(status) && !"RSI_SUCCESS".equals(status)) return;
        long realm = realmOf(c, e, s);
        if (v.beforeWalk() && WALK_REFUSAL.equals(status)) {
            out.violation(ID, realm, c + " refused with " + WALK_REFUSAL + " but must fail before its RTT walk: " + v.reason()
                    + "; the RMM walked the tables for a call it must refuse, so it did not make that check, and a host"
                    + " that creates the tables it asks for gets the change", e.seq());
            return;
        }
        reportCall(out, e, realm, c + " reported RMI_SUCCESS but must fail: " + v.reason(),
                v.misuse() ? "host misuse: " + c + ": " + v.reason() : null);
    }

    /** The realm a call concerns: x1 for realm-scoped commands, the REC's realm for REC ones. */
    static long realmOf(RmiCommand c, EventView e, Shadow s) {
        long x1 = s.row.arg(1);
        switch (c) {
            case RMI_GRANULE_DELEGATE:
            case RMI_GRANULE_UNDELEGATE:
                return s.granules.owner(x1);
            case RMI_REC_ENTER:
            case RMI_REC_DESTROY:
            case RMI_PSCI_COMPLETE: {
                RecShadow rec = s.rec(x1);
                return rec == null ? s.granules.owner(x1) : rec.realm;
            }
            default:
                return x1;
        }
    }

    private void checkRsi(EventView e, Shadow s, FindingSink out) {
        RsiCommand c = s.row.rsi();
        RecShadow rec = s.rec(e.rec());
        long realm = rec != null ? rec.realm : e.realm();
        String why = RsiExpectations.judge(c, s.row.args(e), s.realm(realm));
        if (why == null) return;
        reportCall(out, e, realm, c + " returned RSI_SUCCESS to the realm but must fail: " + why + " (6.2)",
                "guest misuse: " + c + ": " + why);
    }
}
