package io.ccatrace.model.rmi.granule;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;

/** RMI_GRANULE_DELEGATE(addr), reference 4.3. */
public final class GranuleDelegate implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long addr = args[0];
        // gran_align, gran_bound
        if (!rmm.granules().isValidGranule(addr)) return RmiResult.input();
        // gran_state
        if (!rmm.granules().is(addr, GranuleState.UNDELEGATED)) return RmiResult.input();
        // gran_gpt: EL3 refuses unless the granule is in the NS PAS
        if (!rmm.el3().delegate(addr)) return RmiResult.input();
        rmm.granules().transition(rmm.granules().get(addr), GranuleState.DELEGATED, null, -1);
        return RmiResult.success();
    }
}
