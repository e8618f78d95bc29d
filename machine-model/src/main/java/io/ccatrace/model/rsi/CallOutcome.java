package io.ccatrace.model.rsi;

import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.RecRunExit;

/** What a realm SMC did: returned, exited to the host pending completion, or must be retried. */
public sealed interface CallOutcome {
    /**
     * The call returns to the realm with x0 and x1.. = out. When exit is not null the REC
     * also exits to the host right after (PSCI notifications: CPU_OFF, SYSTEM_OFF, ...).
     */
    record Done(long x0, long[] out, RecRunExit exit) implements CallOutcome {
    }

    /** The REC exits to the host; the call completes on the REC's next entry. */
    record Pending(PendingCall kind, RecRunExit exit) implements CallOutcome {
    }

    /**
     * The RMM could not complete the call (a realm buffer is not mapped, reference 6.1): the
     * REC exits with a data abort and re-issues the same SMC on its next entry.
     */
    record Retry(RecRunExit exit) implements CallOutcome {
    }

    static CallOutcome done(long x0, long... out) {
        return new Done(x0, out, null);
    }
}
