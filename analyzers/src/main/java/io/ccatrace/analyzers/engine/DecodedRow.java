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
    private static final EventKind[] KINDS = EventKind.values();
    private static final RmiCommand[] RMI = RmiCommand.values();
    private static final RsiCommand[] RSI = RsiCommand.values();
    private static final RttState[] RTT = RttState.values();
    private static final Ripas[] RIPAS = Ripas.values();
    private static final GranuleState[] GRANULE = GranuleState.values();
    private static final Pas[] PAS = Pas.values();
    private static final ExitReason[] EXIT = ExitReason.values();
    private static final RecTransition[] REC = RecTransition.values();

    // Written on every row, so held as ordinals: a reference store into this long-lived
    // object pays the garbage collector's write barrier (a fence under G1) every time.
    private int kind;
    private int rmi = RmiCommand.UNKNOWN.ordinal();
    private int rsi = RsiCommand.OTHER.ordinal();
    private int rttTo = RttState.ABSENT.ordinal();
    private int toRipas = Ripas.NONE.ordinal();
    private int granuleTo = GranuleState.UNKNOWN.ordinal();
    private int pasTo = Pas.UNKNOWN.ordinal();
    private int exit = ExitReason.OTHER.ordinal();
    private int recTo = RecTransition.OTHER.ordinal();
    /** RMI_CALL / RSI_CALL: status RMI_SUCCESS / RSI_SUCCESS. */
    public boolean success;
    /** RTT_ENTRY: the entry's level (3 when the row has none). */
    public int level = 3;
    /** STAGE2_FAULT: whether the outcome is SEA_INJECTED. */
    public boolean sea;
    /** GUEST_STEP: whether the step is an SMC ("call"). */
    public boolean guestCall;

    public EventKind kind() { return KINDS[kind]; }
    /** RMI_CALL: the command (by name, else function id). */
    public RmiCommand rmi() { return RMI[rmi]; }
    /** RSI_CALL: the command (by name, else function id). */
    public RsiCommand rsi() { return RSI[rsi]; }
    /** RTT_ENTRY: the entry's new state. */
    public RttState rttTo() { return RTT[rttTo]; }
    /** RTT_ENTRY: the entry's new RIPAS. */
    public Ripas toRipas() { return RIPAS[toRipas]; }
    /** GRANULE_STATE: the granule's new state. */
    public GranuleState granuleTo() { return GRANULE[granuleTo]; }
    /** PAS_CHANGE: the new PAS. */
    public Pas pasTo() { return PAS[pasTo]; }
    /** REC_EXIT: the exit reason. */
    public ExitReason exit() { return EXIT[exit]; }
    /** REC_STATE: the transition. */
    public RecTransition recTo() { return REC[recTo]; }

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

    /** The row being decoded (valid while rules check it and the shadow applies it). */
    private EventView view;

    private static final int UNREAD = -2;
    /** The row's argument count ({@link EventView#argCount}), UNREAD until an argument is asked for. */
    private int argCount = UNREAD;
    /** x1..x4 of the row, valid up to argCount once read: the shadow and several rules ask for the same few. */
    private long x1;
    private long x2;
    private long x3;
    private long x4;

    /**
     * Argument register x(n) of the row (n from 1), or {@link TraceEvent#NULL} when the row
     * has fewer (as {@link Shadow#reg}): read in place, no array copied; x1..x4 are read from
     * the row once, on the first call, and kept for the rest of the row.
     */
    public long arg(int n) {
        int c = argCount;
        if (c == UNREAD) c = readArgs();
        if (n < 1 || n > c) return TraceEvent.NULL;
        switch (n) {
            case 1: return x1;
            case 2: return x2;
            case 3: return x3;
            case 4: return x4;
            default: return view.arg(n - 1);
        }
    }

    private int readArgs() {
        EventView v = view;
        int c = v.argCount();
        if (c >= 1) x1 = v.arg(0);
        if (c >= 2) x2 = v.arg(1);
        if (c >= 3) x3 = v.arg(2);
        if (c >= 4) x4 = v.arg(3);
        argCount = c;
        return c;
    }

    /** Output register x(n) of the row (n from 1), or {@link TraceEvent#NULL}: read in place. */
    public long outReg(int n) {
        return n >= 1 && n <= view.outCount() ? view.out(n - 1) : TraceEvent.NULL;
    }

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

    /** Lets go of the last row's view and registers: a finished analyzer must not keep its cursor (and its batches) reachable. */
    void forget() {
        view = null;
        cmdDictionary = null;
        argCount = UNREAD;
        args = null;
        out = null;
        argsRead = false;
        outRead = false;
    }

    /** Whether a row's view or registers are still held (false after {@link #forget}). */
    boolean holdsRow() {
        return view != null || args != null || out != null;
    }

    void decode(EventView e, EventKind k) {
        view(e);
        begin(k);
        switch (k) {
            case RMI_CALL: decodeRmiCall(e); break;
            case RSI_CALL: decodeRsiCall(e); break;
            case RTT_ENTRY: decodeRttEntry(e); break;
            case GRANULE_STATE: decodeGranuleState(e); break;
            case PAS_CHANGE: decodePasChange(e); break;
            case REC_EXIT: decodeRecExit(e); break;
            case STAGE2_FAULT: decodeFault(e); break;
            case GUEST_STEP: decodeGuestStep(e); break;
            case REC_STATE: decodeRecState(e); break;
            default: break;
        }
    }

    /**
     * The view the rows come from (a cursor: the same object for all its rows), set before its
     * rows are begun: once per batch on the batch loop, so no test of it runs per row (such a
     * test is taken only on an analyzer's first row, which the JIT never sees profiled, and
     * recompiled whichever handler had that row).
     */
    void view(EventView e) {
        if (view != e) view = e;
    }

    /** Starts a row of kind k of the {@link #view}: what every kind sets. The per-kind decode methods follow it. */
    void begin(EventKind k) {
        kind = k.ordinal();
        argCount = UNREAD;
        argsRead = false;
        outRead = false;
    }

    /**
     * RMI_CALL / GUEST_STEP: the command name's dictionary id ({@link EventView#nameId}) and the
     * dictionary, read once here for the decode and the current input ({@link CurrentInput}).
     */
    private int cmdId = EventView.NO_NAME_ID;
    private String[] cmdDictionary;

    /** Reads the row's CMD id (and dictionary) once. */
    private void readCmd(EventView e) {
        int id = e.nameId(Column.CMD);
        cmdId = id;
        if (id >= 0) {
            String[] d = e.nameDictionary(Column.CMD);
            if (d != cmdDictionary) cmdDictionary = d;
        }
    }

    /** RMI_CALL / GUEST_STEP: the CMD id as {@link EventView#nameId} gives it. */
    int cmdId() {
        return cmdId;
    }

    /** RMI_CALL / GUEST_STEP: the dictionary {@link #cmdId} indexes (when it is >= 0). */
    String[] cmdDictionary() {
        return cmdDictionary;
    }

    /** The row's argument count ({@link EventView#argCount}: -1 when it has none), read once. */
    int argCount() {
        int c = argCount;
        return c == UNREAD ? readArgs() : c;
    }

    void decodeRmiCall(EventView e) {
        // by name, else by function id: RmiCommand.of(cmd, fid)
        readCmd(e);
        RmiCommand c = rmiByName.of(e, Column.CMD, cmdId, cmdDictionary);
        if (c == RmiCommand.UNKNOWN) c = RmiCommand.of(null, e.fid());
        rmi = c.ordinal();
        success = rmiSuccess.of(e, Column.STATUS);
    }

    private void decodeRsiCall(EventView e) {
        // by name, else by function id: RsiCommand.of(cmd, fid)
        RsiCommand r = rsiByName.of(e, Column.CMD);
        if (r == RsiCommand.OTHER) r = RsiCommand.ofFid(e.fid());
        rsi = r.ordinal();
        success = rsiSuccess.of(e, Column.STATUS);
    }

    void decodeGranuleState(EventView e) {
        granuleTo = granuleState.of(e, Column.TO).ordinal();
    }

    void decodePasChange(EventView e) {
        pasTo = pas.of(e, Column.TO).ordinal();
    }

    void decodeFault(EventView e) {
        sea = seaInjected.of(e, Column.OUTCOME);
    }

    void decodeRttEntry(EventView e) {
        rttTo = rttState.of(e, Column.TO).ordinal();
        toRipas = ripas.of(e, Column.TO_RIPAS).ordinal();
        level = e.level() == TraceEvent.NULL_INT ? 3 : e.level();
        // reference 11.1: levels -1 (LPA2 only) to 3; ASSIGNED and ASSIGNED_NS (blocks or pages)
        // only at levels 1..3. Anything else would have the shadow walk a block larger than the
        // address space (level 40: 2^51 granules; level 0: 2^27), so the trace is refused.
        if (level < -1 || level > 3) {
            throw new MalformedRowException(e.seq(), "RTT_ENTRY at level " + level + " (levels are -1..3)");
        }
        if (level < 1 && (rttTo == RttState.ASSIGNED.ordinal() || rttTo == RttState.ASSIGNED_NS.ordinal())) {
            throw new MalformedRowException(e.seq(), "RTT_ENTRY " + RTT[rttTo] + " at level " + level
                    + " (blocks and pages exist at levels 1..3 only)");
        }
    }

    void decodeRecExit(EventView e) {
        exit = exitReason.of(e, Column.EXIT_REASON).ordinal();
    }

    void decodeGuestStep(EventView e) {
        readCmd(e);
        guestCall = callStep.of(e, Column.CMD, cmdId, cmdDictionary);
    }

    void decodeRecState(EventView e) {
        recTo = recState.of(e, Column.TO).ordinal();
    }
}
