package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.analyzers.granule.Pas;
import io.ccatrace.analyzers.rec.RecTransition;
import io.ccatrace.analyzers.rec.ExitReason;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * The current row's names, decoded once by the engine for the shadow and every rule (each
 * rule used to parse the same strings again). Only the fields of the row's kind are set;
 * the others keep the value of an earlier row, so read only what the kind carries.
 */
public final class DecodedRow {
    public EventKind kind;
    /** RMI_CALL: the command (by name, else function id). */
    public RmiCommand rmi = RmiCommand.UNKNOWN;
    /** RSI_CALL: the command (by name, else function id). */
    public RsiCommand rsi = RsiCommand.OTHER;
    /** RMI_CALL / RSI_CALL: status RMI_SUCCESS / RSI_SUCCESS. */
    public boolean success;
    /** RTT_ENTRY: the entry's new state, its new RIPAS, and its level (3 when the row has none). */
    public RttState rttTo = RttState.ABSENT;
    public Ripas toRipas = Ripas.NONE;
    public int level = 3;
    /** GRANULE_STATE: the granule's new state. */
    public GranuleState granuleTo = GranuleState.UNKNOWN;
    /** PAS_CHANGE: the new PAS. */
    public Pas pasTo = Pas.UNKNOWN;
    /** REC_EXIT: the exit reason. */
    public ExitReason exit = ExitReason.OTHER;
    /** STAGE2_FAULT: whether the outcome is SEA_INJECTED. */
    public boolean sea;
    /** REC_STATE: the transition. */
    public RecTransition recTo = RecTransition.OTHER;

    void decode(EventView e, EventKind k) {
        kind = k;
        switch (k) {
            case RMI_CALL:
                rmi = RmiCommand.of(e.cmd(), e.fid());
                success = "RMI_SUCCESS".equals(e.status());
                break;
            case RSI_CALL:
                rsi = RsiCommand.of(e.cmd(), e.fid());
                success = "RSI_SUCCESS".equals(e.status());
                break;
            case RTT_ENTRY:
                rttTo = RttState.parse(e.to());
                toRipas = Ripas.parse(e.toRipas());
                level = e.level() == TraceEvent.NULL_INT ? 3 : e.level();
                break;
            case GRANULE_STATE:
                granuleTo = GranuleState.parse(e.to());
                break;
            case PAS_CHANGE:
                pasTo = Pas.parse(e.to());
                break;
            case REC_EXIT:
                exit = ExitReason.parse(e.exitReason());
                break;
            case STAGE2_FAULT:
                sea = "SEA_INJECTED".equals(e.outcome());
                break;
            case REC_STATE:
                recTo = RecTransition.parse(e.to());
                break;
            default:
                break;
        }
    }
}
