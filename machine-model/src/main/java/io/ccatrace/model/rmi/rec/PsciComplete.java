package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.psci.Mpidr;
import io.ccatrace.model.psci.Psci;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;

/**
 * RMI_PSCI_COMPLETE(calling_rec, target_rec, status), reference 5: the host answers a
 * realm's CPU_ON or AFFINITY_INFO. Sets the caller's x0 (x1..x3 := 0) and, for a successful
 * CPU_ON of an off REC, makes the target runnable at the requested entry point.
 */
public final class PsciComplete implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long callingPa = args[0], targetPa = args[1], status = args[2];
        // calling_align, target_align
        if (!PhysicalMemory.isGranuleAligned(callingPa) || !PhysicalMemory.isGranuleAligned(targetPa)) {
            return RmiResult.input();
        }
        // alias, calling_bound/state, target_bound/state
        if (callingPa == targetPa) return RmiResult.input();
        Rec calling = rmm.recAt(callingPa);
        Rec target = rmm.recAt(targetPa);
        if (calling == null || target == null) return RmiResult.input();
        // running
        if (calling.running()) return RmiResult.input();
        // pending
        if (calling.psciPendingFid == 0) return RmiResult.input();
        // owner
        if (calling.rd() != target.rd()) return RmiResult.input();
        // target: the REC the realm named in x1
        if (Mpidr.toRecIndex(calling.psciArgs[0]) != target.index()) return RmiResult.input();
        boolean cpuOn = calling.psciPendingFid == Psci.CPU_ON_64 || calling.psciPendingFid == Psci.CPU_ON_32;
        boolean targetOn = target.runnable() || target.running();
        // status
        if (cpuOn ? status != Psci.SUCCESS && status != Psci.DENIED : status != Psci.SUCCESS) {
            return RmiResult.input();
        }
        // status: DENIED for a target that is already on
        if (cpuOn && status == Psci.DENIED && targetOn) return RmiResult.input();
        long x0;
        if (!cpuOn) {
            x0 = targetOn ? Psci.AFFINITY_ON : Psci.AFFINITY_OFF;
        } else if (targetOn) {
            x0 = Psci.ALREADY_ON;
        } else if (status == Psci.DENIED) {
            x0 = Psci.DENIED;
        } else {
            x0 = Psci.SUCCESS;
            target.pc = calling.psciArgs[1];
            target.gprs[0] = calling.psciArgs[2];
            rmm.recs().setRunnable(target, true);
        }
        calling.gprs[0] = x0;
        calling.gprs[1] = 0;
        calling.gprs[2] = 0;
        calling.gprs[3] = 0;
        calling.psciPendingFid = 0;
        return RmiResult.success();
    }
}
