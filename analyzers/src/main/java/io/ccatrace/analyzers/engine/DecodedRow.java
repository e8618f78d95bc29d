package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.analyzers.granule.Pas;
import io.ccatrace.analyzers.rec.RecTransition;
import io.ccatrace.analyzers.rec.ExitReason;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.trace.Column;
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
    /** GUEST_STEP: whether the step is an SMC ("call"). */
    public boolean guestCall;
    /** REC_STATE: the transition. */
    public RecTransition recTo = RecTransition.OTHER;

    private final NameCache<RmiCommand> rmiByName = new NameCache<>(n -> RmiCommand.of(n, TraceEvent.NULL));
    private final NameCache<RsiCommand> rsiByName = new NameCache<>(n -> RsiCommand.of(n, TraceEvent.NULL));
    private final NameCache<Boolean> callStep = new NameCache<>("call"::equals);
    private final NameCache<RttState> rttState = new NameCache<>(RttState::parse);
    private final NameCache<Ripas> ripas = new NameCache<>(Ripas::parse);
    private final NameCache<GranuleState> granuleState = new NameCache<>(GranuleState::parse);
    private final NameCache<Pas> pas = new NameCache<>(Pas::parse);
    private final NameCache<ExitReason> exitReason = new NameCache<>(ExitReason::parse);
    private final NameCache<RecTransition> recState = new NameCache<>(RecTransition::parse);
    private final NameCache<Boolean> rmiSuccess = new NameCache<>("RMI_SUCCESS"::equals);
    private final NameCache<Boolean> rsiSuccess = new NameCache<>("RSI_SUCCESS"::equals);
    private final NameCache<Boolean> seaInjected = new NameCache<>("SEA_INJECTED"::equals);

    /** The row's argument and output registers, fetched at most once per row (see {@link #args}). */
    private long[] args;
    private long[] out;
    private boolean argsRead;
    private boolean outRead;

    /** The row's argument registers ({@link EventView#args()}), read once per row; do not modify. */
    public long[] args(EventView e) {
        if (!argsRead) {
            args = e.args();
            argsRead = true;
        }
        return args;
    }

    /** The row's output registers ({@link EventView#out()}), read once per row; do not modify. */
    public long[] out(EventView e) {
        if (!outRead) {
            out = e.out();
            outRead = true;
        }
        return out;
    }

    void decode(EventView e, EventKind k) {
        kind = k;
        argsRead = false;
        outRead = false;
        switch (k) {
            case RMI_CALL:
                // by name, else by function id: RmiCommand.of(cmd, fid)
                rmi = rmiByName.of(e, Column.CMD);
                if (rmi == RmiCommand.UNKNOWN) rmi = RmiCommand.of(null, e.fid());
                success = rmiSuccess.of(e, Column.STATUS);
                break;
            case RSI_CALL:
                // by name, else by function id: RsiCommand.of(cmd, fid)
                rsi = rsiByName.of(e, Column.CMD);
                if (rsi == RsiCommand.OTHER) rsi = RsiCommand.ofFid(e.fid());
                success = rsiSuccess.of(e, Column.STATUS);
                break;
            case RTT_ENTRY:
                rttTo = rttState.of(e, Column.TO);
                toRipas = ripas.of(e, Column.TO_RIPAS);
                level = e.level() == TraceEvent.NULL_INT ? 3 : e.level();
                break;
            case GRANULE_STATE:
                granuleTo = granuleState.of(e, Column.TO);
                break;
            case PAS_CHANGE:
                pasTo = pas.of(e, Column.TO);
                break;
            case REC_EXIT:
                exit = exitReason.of(e, Column.EXIT_REASON);
                break;
            case STAGE2_FAULT:
                sea = seaInjected.of(e, Column.OUTCOME);
                break;
            case GUEST_STEP:
                guestCall = callStep.of(e, Column.CMD);
                break;
            case REC_STATE:
                recTo = recState.of(e, Column.TO);
                break;
            default:
                break;
        }
    }
}
