package io.ccatrace.model.psci;

import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;

/**
 * PSCI CPU_OFF (reference 6.3, 7.3): the calling REC becomes NOT_RUNNABLE (until another REC
 * turns it on) and the host is notified with a PSCI exit.
 */
public final class CpuOff implements RealmCall {
    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        ctx.rmm().recs().setRunnable(ctx.rec(), false);
        return new CallOutcome.Done(Psci.SUCCESS, new long[0], Psci.exit(Psci.CPU_OFF));
    }
}
