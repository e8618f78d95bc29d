package io.ccatrace.model.psci;

import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;

/**
 * PSCI AFFINITY_INFO(target, lowest_level), reference 6.3: the caller itself is ON; any other
 * valid target is forwarded to the host (PSCI exit, gprs[0..1]) and answered by
 * RMI_PSCI_COMPLETE.
 */
public final class AffinityInfo implements RealmCall {
    private final long fid;

    public AffinityInfo(long fid) {
        this.fid = fid;
    }

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long target = args[0], lowestLevel = args[1];
        if (lowestLevel != 0) return result(Psci.INVALID_PARAMETERS);
        long idx = Mpidr.target(ctx.realm(), target);
        if (idx < 0) return result(Psci.INVALID_PARAMETERS);
        Rec rec = ctx.rec();
        if (idx == rec.index()) return result(Psci.AFFINITY_ON);
        rec.psciPendingFid = fid;
        rec.psciArgs[0] = target;
        rec.psciArgs[1] = lowestLevel;
        rec.psciArgs[2] = 0;
        return new CallOutcome.Pending(PendingCall.PSCI, Psci.exit(fid, target));
    }

    private static CallOutcome result(long x0) {
        return new CallOutcome.Done(x0, new long[0], null);
    }
}
