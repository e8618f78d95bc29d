package io.ccatrace.model.psci;

import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;

/**
 * PSCI SYSTEM_OFF and SYSTEM_RESET (reference 6.3): the realm becomes SYSTEM_OFF (no REC
 * runs again: REC_ENTER gives ERROR_REALM index 1) and the host gets a PSCI exit.
 */
public final class SystemOff implements RealmCall {
    private final long fid;

    public SystemOff(long fid) {
        this.fid = fid;
    }

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        ctx.rmm().realms().systemOff(ctx.realm());
        return new CallOutcome.Done(Psci.SUCCESS, new long[0], Psci.exit(fid));
    }
}
