package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;

/** The input the effects that follow belong to (effects come after their input). */
public final class CurrentInput {
    private TraceEvent event;
    private RmiCommand rmi = RmiCommand.UNKNOWN;
    private boolean success;

    void set(TraceEvent e) {
        event = e;
        if (e.kind() == EventKind.RMI_CALL) {
            rmi = RmiCommand.of(e.cmd(), e.fid());
            success = "RMI_SUCCESS".equals(e.status());
        } else {
            rmi = RmiCommand.UNKNOWN;
            success = false;
        }
    }

    /** The input row, or null before the first input. */
    public TraceEvent event() {
        return event;
    }

    public long seq() {
        return event == null ? -1 : event.seq();
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
        return Shadow.reg(event == null ? null : event.args(), n);
    }
}
