package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * The input the effects that follow belong to (effects come after their input). Keeps a
 * copy of what the rules ask about (seq, kind, command name, arguments), never the row
 * itself: a cursor row changes under it.
 */
public final class CurrentInput {
    private static final EventKind[] KINDS = EventKind.values();
    private static final RmiCommand[] COMMANDS = RmiCommand.values();
    // Set on every input row (two thirds of a trace), so kept as primitives: a reference
    // store pays the collector's write barrier, which cost more than the rest of set()
    private long seq = -1;
    private int kind = -1;
    private int rmi = RmiCommand.UNKNOWN.ordinal();
    private boolean success;
    /** The command name as a dictionary id ({@link EventView#nameId}), or NO_NAME_ID: then {@link #cmdName}. */
    private int cmdId = EventView.NO_NAME_ID;
    private String[] cmdDictionary;
    private String cmdName;
    private long[] args = new long[8];
    private int argCount;

    /** Remembers the input row e (its seq read by the caller); its argument registers are copied straight from the row. */
    void set(EventView e, long rowSeq, EventKind k, RmiCommand command, boolean succeeded) {
        int id = e.nameId(Column.CMD);
        remember(e, rowSeq, k, command, succeeded, id, id >= 0 ? e.nameDictionary(Column.CMD) : null);
        int n = e.argCount();
        long[] a = room(n);
        for (int i = 0; i < n; i++) a[i] = e.arg(i);
        argCount = Math.max(n, 0);
    }

    /**
     * Remembers the input row e (an RMI_CALL or GUEST_STEP, decoded into row: its command id
     * and argument registers are taken from there, not read from the row again).
     */
    void set(DecodedRow row, EventView e, long rowSeq, EventKind k, RmiCommand command, boolean succeeded) {
        int id = row.cmdId();
        remember(e, rowSeq, k, command, succeeded, id, id >= 0 ? row.cmdDictionary() : null);
        int n = row.argCount();
        long[] a = room(n);
        for (int i = 0; i < n; i++) a[i] = row.arg(i + 1);
        argCount = Math.max(n, 0);
    }

    /** What both kinds of input row share: seq, kind, command, outcome and the command's name id (dictionary d when id >= 0). */
    private void remember(EventView e, long rowSeq, EventKind k, RmiCommand command, boolean succeeded, int id, String[] d) {
        seq = rowSeq;
        kind = k.ordinal();
        rmi = command.ordinal();
        success = succeeded;
        cmdId = id;
        if (id >= 0) {
            if (d != cmdDictionary) cmdDictionary = d;
        } else if (id == EventView.NO_NAME_ID) {
            String c = e.cmd();
            if (c != cmdName) cmdName = c;
        }
    }

    /** The argument array, at least n long (n < 0: no arguments). */
    private long[] room(int n) {
        if (n > args.length) args = new long[n];
        return args;
    }

    /** Seq of the input row, -1 before the first input. */
    public long seq() {
        return seq;
    }

    /** Kind of the input row, null before the first input. */
    public EventKind kind() {
        return kind < 0 ? null : KINDS[kind];
    }

    /** Command name (or guest step op) of the input row, or null. */
    public String cmd() {
        if (cmdId == EventView.NO_NAME_ID) return cmdName;
        return cmdId < 0 ? null : cmdDictionary[cmdId];
    }

    /** The RMI command when the input is an RMI_CALL, else UNKNOWN. */
    public RmiCommand rmi() {
        return COMMANDS[rmi];
    }

    /** Whether the input is an RMI_CALL that returned RMI_SUCCESS. */
    public boolean success() {
        return success;
    }

    /** Argument register x(n) of the input (n from 1), or Long.MIN_VALUE. */
    public long arg(int n) {
        return n < 1 || n > argCount ? Shadow.NULL : args[n - 1];
    }
}
