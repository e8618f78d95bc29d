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

    /** An RMI_FEATURES handler: the FEAT0 value it reports and the layout it reports it in. */
    public interface Layout {
        long feat0(MachineConfig c);

        Feat0Layout layout();
    }

    /** FID of RMI_FEATURES (reference 3). */
    static final long FEATURES_FID = 0xC4000165L;

    /** The limits the model behind rmm reports through RMI_FEATURES index 0. */
    public static Feat0 reported(Rmm rmm) {
        Layout l = (Layout) rmm.model().table().lookup(FEATURES_FID).handler();
        return of(l.layout(), l.feat0(rmm.config()));
    }

    /** The fields of a FEAT0 value as stored in layout l (counts as the layout encodes them). */
    static Feat0 of(Feat0Layout l, long v) {
        return new Feat0((int) l.raw(v, "S2SZ"), l.raw(v, "LPA2") != 0, l.raw(v, "SVE_EN") != 0, l.raw(v, "SVE_VL"),
                l.raw(v, "NUM_BPS"), l.raw(v, "NUM_WPS"), l.raw(v, "PMU_NUM_CTRS"));
    }
}
