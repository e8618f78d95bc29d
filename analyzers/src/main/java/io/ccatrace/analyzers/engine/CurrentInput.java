package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * The input the effects that follow belong to (effects come after their input). Keeps a
 * copy of what the rules ask about (seq, kind, command name, arguments), never the row
 * itself: a cursor row changes under it.
 */
public final class CurrentInput {
    private long seq = -1;
    private EventKind kind;
    private String cmd;
    private RmiCommand rmi = RmiCommand.UNKNOWN;
    private boolean success;
    private long[] args = new long[8];
    private int argCount;

    /** Remembers the input row e, whose argument registers are a (null if none). */
    void set(EventView e, long[] a, RmiCommand command, boolean succeeded) {
        seq = e.seq();
        kind = e.kind();
        cmd = e.cmd();
        rmi = command;
        success = succeeded;
        if (a == null) {
            argCount = 0;
        } else {
            if (a.length > args.length) args = new long[a.length];
            System.arraycopy(a, 0, args, 0, a.length);
            argCount = a.length;
        }
    }

    /** Seq of the input row, -1 before the first input. */
    public long seq() {
        return seq;
    }

    /** Kind of the input row, null before the first input. */
    public EventKind kind() {
        return kind;
    }

    /** Command name (or guest step op) of the input row, or null. */
    public String cmd() {
        return cmd;
    }

    /** The RMI command when the input is an RMI_CALL, else UNKNOWN. */
    public RmiCommand rmi() {
        return rmi;
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
