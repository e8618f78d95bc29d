package io.ccatrace.model.psci;

import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;

/**
 * PSCI CPU_SUSPEND (reference 6.3): returns SUCCESS to the realm at once and notifies the
 * host with a PSCI exit (gprs[0] = FID). The host need not do anything.
 */
public final class CpuSuspend implements RealmCall {
    private final long fid;

    public CpuSuspend(long fid) {
        this.fid = fid;
    }

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        return new CallOutcome.Done(Psci.SUCCESS, new long[0], Psci.exit(fid));
    }
}
