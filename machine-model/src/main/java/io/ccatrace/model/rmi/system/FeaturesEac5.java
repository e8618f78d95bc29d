package io.ccatrace.model.rmi.system;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;

/**
 * RMI_FEATURES of 1.0-EAC5 (reference 12.3): NUM_BPS [17:14] and NUM_WPS [21:18] hold the
 * counts themselves, PMU_EN is bit 22, PMU_NUM_CTRS [27:23], SHA-256 bit 28, SHA-512 bit 29,
 * and there is no GICV3_NUM_LRS or MAX_RECS_ORDER field.
 */
public final class FeaturesEac5 implements RmiCommand, Feat0.Layout {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        return RmiResult.success(args[0] == 0 ? feat0(rmm.config()) : 0);
    }

    /** The EAC5 layout: NUM_BPS [17:14] and NUM_WPS [21:18] hold the counts, PMU_NUM_CTRS [27:23]. */
    @Override
    public Feat0Layout layout() {
        return Feat0Layout.EAC5;
    }

    @Override
    public long feat0(MachineConfig c) {
        long v = Math.min(c.paBits(), 48) & 0xFF;          // S2SZ [7:0]
        if (c.sve()) {
            v |= 1L << 9;                                  // SVE_EN
            v |= ((long) c.sveVl() & 0xF) << 10;           // SVE_VL [13:10]
        }
        v |= ((long) c.numBps() & 0xF) << 14;              // NUM_BPS [17:14]
        v |= ((long) c.numWps() & 0xF) << 18;              // NUM_WPS [21:18]
        v |= 1L << 22;                                     // PMU_EN
        v |= ((long) c.pmuNumCtrs() & 0x1F) << 23;         // PMU_NUM_CTRS [27:23]
        v |= 1L << 28;                                     // HASH_SHA_256
        v |= 1L << 29;                                     // HASH_SHA_512
        return v;
    }
}
