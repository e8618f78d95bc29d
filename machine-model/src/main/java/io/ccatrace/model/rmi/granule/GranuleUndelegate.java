package io.ccatrace.model.rmi.granule;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;

/** RMI_GRANULE_UNDELEGATE(addr), reference 4.4. */
public final class GranuleUndelegate implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long addr = args[0];
        // gran_align, gran_bound
        if (!rmm.granules().isValidGranule(addr)) return RmiResult.input();
        // gran_state
        if (!rmm.granules().is(addr, GranuleState.DELEGATED)) return RmiResult.input();
        if (!rmm.el3().undelegate(addr)) {
            throw new IllegalStateException("EL3 refused to undelegate a DELEGATED granule");
        }
        rmm.granules().transition(rmm.granules().get(addr), GranuleState.UNDELEGATED, null, -1);
        return RmiResult.success();
    }
}
