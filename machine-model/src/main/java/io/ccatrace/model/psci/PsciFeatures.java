package io.ccatrace.model.psci;

import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;
import java.util.Set;

/**
 * PSCI_FEATURES(fid), reference 6.3: SUCCESS for the functions the RMM implements.
 * PSCI_FEATURES is an SMC32 function, so its argument is W1: the upper half of x1 is
 * ignored (SMCCC; TF-RMM reads it as an unsigned int).
 */
public final class PsciFeatures implements RealmCall {
    static final Set<Long> SUPPORTED = Set.of(Psci.CPU_SUSPEND_32, Psci.CPU_SUSPEND_64,
            Psci.CPU_OFF, Psci.CPU_ON_32, Psci.CPU_ON_64, Psci.AFFINITY_INFO_32,
            Psci.AFFINITY_INFO_64, Psci.SYSTEM_OFF, Psci.SYSTEM_RESET, Psci.PSCI_FEATURES,
            Psci.SMCCC_VERSION);

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long x0 = SUPPORTED.contains(args[0] & 0xFFFF_FFFFL) ? Psci.SUCCESS : Psci.NOT_SUPPORTED;
        return new CallOutcome.Done(x0, new long[0], null);
    }
}
