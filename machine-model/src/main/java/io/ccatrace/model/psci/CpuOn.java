package io.ccatrace.model.psci;

import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;

/**
 * PSCI CPU_ON(target, entry, context), reference 6.3: checked by the RMM, then forwarded to
 * the host (PSCI exit with gprs[0] = FID, gprs[1] = target MPIDR), which must answer with
 * RMI_PSCI_COMPLETE before re-entering the caller.
 */
public final class CpuOn implements RealmCall {
    private final long fid;

    public CpuOn(long fid) {
        this.fid = fid;
    }

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long target = args[0], entry = args[1], context = args[2];
        if (!ctx.realm().isProtected(entry)) return result(Psci.INVALID_ADDRESS);
        long idx = Mpidr.target(ctx.realm(), target);
        if (idx < 0) return result(Psci.INVALID_PARAMETERS);
        Rec rec = ctx.rec();
        if (idx == rec.index()) return result(Psci.ALREADY_ON);
        rec.psciPendingFid = fid;
        rec.psciArgs[0] = target;
        rec.psciArgs[1] = entry;
        rec.psciArgs[2] = context;
        return new CallOutcome.Pending(PendingCall.PSCI, Psci.exit(fid, target));
    }

    private static CallOutcome result(long x0) {
        return new CallOutcome.Done(x0, new long[0], null);
    }
}
