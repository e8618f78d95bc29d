package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;

/** RMI_REC_AUX_COUNT(rd), reference 4.8. */
public final class RecAuxCount implements RmiCommand {
    /** Aux granules per REC: TF-RMM's MAX_REC_AUX_GRANULES (script-format.md). */
    public static final int AUX_COUNT = 16;

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        // rd_align, rd_bound, rd_state
        if (rmm.realmAt(args[0]) == null) return RmiResult.input();
        return RmiResult.success(AUX_COUNT);
    }
}
