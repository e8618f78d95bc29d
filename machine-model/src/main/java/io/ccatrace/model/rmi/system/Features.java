package io.ccatrace.model.rmi.system;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;

/** RMI_FEATURES(index), reference 4.2 and the rel0 FEAT0 layout of 2.5. */
public final class Features implements RmiCommand, Feat0.Layout {
    /** MAX_RECS_ORDER reported by TF-RMM rel0 (script-format.md implementation choices). */
    public static final int MAX_RECS_ORDER = 10;

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        return RmiResult.success(args[0] == 0 ? feat0(rmm.config()) : 0);
    }

    /** The rel0 layout of 2.5: NUM_BPS / NUM_WPS hold the count minus one. */
    @Override
    public Feat0Layout layout() {
        return Feat0Layout.REL0;
    }

    /** RmiFeatureRegister0 for this machine (reference 2.5): no LPA2, SHA-256 and SHA-512. */
    @Override
    public long feat0(MachineConfig c) {
        long v = Math.min(c.paBits(), 48) & 0xFF;          // S2SZ [7:0]
        if (c.sve()) {
            v |= 1L << 9;                                  // SVE_EN
            v |= ((long) c.sveVl() & 0xF) << 10;           // SVE_VL [13:10]
        }
        v |= ((long) (c.numBps() - 1) & 0x3F) << 14;       // NUM_BPS [19:14], minus one
        v |= ((long) (c.numWps() - 1) & 0x3F) << 20;       // NUM_WPS [25:20], minus one
        v |= 1L << 26;                                     // PMU_EN
        v |= ((long) c.pmuNumCtrs() & 0x1F) << 27;         // PMU_NUM_CTRS [31:27]
        v |= 1L << 32;                                     // HASH_SHA_256
        v |= 1L << 33;                                     // HASH_SHA_512
        v |= ((long) (c.gicNumLrs() - 1) & 0xF) << 34;     // GICV3_NUM_LRS [37:34], minus one
        v |= (long) MAX_RECS_ORDER << 38;                  // MAX_RECS_ORDER [41:38]
        return v;
    }
}
