package io.ccatrace.model.rmi.system;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.Rmm;

/**
 * The RmiFeatureRegister0 fields RMI_REALM_CREATE validates RealmParams against (reference
 * 4.5 rows 3-7), as the model's own RMI_FEATURES reports them. TF-RMM validates against
 * get_feature_register_0(), the value RMI_FEATURES returns, so a revision with another FEAT0
 * layout (1.0-EAC5: the debug counts themselves, 12.3) also has other limits.
 */
public record Feat0(int s2sz, boolean lpa2, boolean sveEn, long sveVl, long numBps, long numWps,
                    long pmuNumCtrs) {

    /** An RMI_FEATURES handler: the FEAT0 value it reports and the fields of such a value. */
    public interface Layout {
        long feat0(MachineConfig c);

        Feat0 decode(long value);
    }

    /** FID of RMI_FEATURES (reference 3). */
    static final long FEATURES_FID = 0xC4000165L;

    /** The limits the model behind rmm reports through RMI_FEATURES index 0. */
    public static Feat0 reported(Rmm rmm) {
        Layout l = (Layout) rmm.model().table().lookup(FEATURES_FID).handler();
        return l.decode(l.feat0(rmm.config()));
    }

    /**
     * The fields of a FEAT0 value whose NUM_BPS is countWidth bits wide at bit 14, NUM_WPS as
     * wide just above it, and PMU_NUM_CTRS 5 bits at pmuLo (S2SZ, LPA2, SVE_EN, SVE_VL sit at
     * the same bits in every 1.0 layout).
     */
    static Feat0 decode(long v, int countWidth, int pmuLo) {
        return new Feat0((int) bits(v, 0, 8), bits(v, 8, 1) != 0, bits(v, 9, 1) != 0,
                bits(v, 10, 4), bits(v, 14, countWidth), bits(v, 14 + countWidth, countWidth),
                bits(v, pmuLo, 5));
    }

    /** Bits [lo, lo + width) of value. */
    private static long bits(long value, int lo, int width) {
        return (value >>> lo) & ((1L << width) - 1);
    }
}
