package io.ccatrace.model.rmi.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RealmParamsPage;
import io.ccatrace.model.rmi.Realms;
import org.junit.jupiter.api.Test;

/**
 * RMI_REALM_CREATE params_supp (reference 4.5 row 5) checks num_bps / num_wps against the
 * FEAT0 the same RMM reports through RMI_FEATURES, whose layout depends on the revision
 * (reference 2.5 for rel0, 12.3 for EAC5). The limits here are read from the host's
 * RMI_FEATURES call and decoded with the reference's bit positions, not from the model.
 */
class RealmCreateLimitsTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1;

    /** REALM_CREATE status with these debug counts on a fresh valid realm. */
    private static int create(Realms r, long bps, long wps) {
        RealmParamsPage p = r.params(40, 1);
        p.numBps = bps;
        p.numWps = wps;
        p.rttBase = r.delegatedRun((int) p.rttNumStart);
        return Fixture.status(r.f.rmi("RMI_REALM_CREATE", r.delegated(), r.write(p)));
    }

    private static long bits(long v, int lo, int width) {
        return (v >>> lo) & ((1L << width) - 1);
    }

    // 12.3: EAC5 FEAT0 NUM_BPS [17:14] / NUM_WPS [21:18]; EAC4 change: num_bps/num_wps must be
    // <= those values. The default machine has 6 breakpoints and 4 watchpoints.
    @Test
    void eac5AcceptsTheCountsItsFeat0Reports() {
        Realms r = new Realms(new Fixture(MachineConfig.defaults().withRmmModel("1.0-eac5")));
        long feat0 = r.f.rmi("RMI_FEATURES", 0)[1];
        long maxBps = bits(feat0, 14, 4), maxWps = bits(feat0, 18, 4);
        assertEquals(6, maxBps);
        assertEquals(4, maxWps);
        assertEquals(SUCCESS, create(r, maxBps, maxWps));
        assertEquals(ERROR_INPUT, create(r, maxBps + 1, maxWps));
        assertEquals(ERROR_INPUT, create(r, maxBps, maxWps + 1));
        // 12.3 EAC5 column: only the upper bound; rel0 added "0 invalid"
        assertEquals(SUCCESS, create(r, 0, 0));
    }

    // 2.5: rel0 FEAT0 NUM_BPS [19:14] / NUM_WPS [25:20]; 4.5 row 5: 0 or above them is refused.
    @Test
    void rel0AcceptsOneUpToItsFeat0Fields() {
        Realms r = new Realms(new Fixture());
        long feat0 = r.f.rmi("RMI_FEATURES", 0)[1];
        long maxBps = bits(feat0, 14, 6), maxWps = bits(feat0, 20, 6);
        assertEquals(SUCCESS, create(r, maxBps, maxWps));
        assertEquals(ERROR_INPUT, create(r, maxBps + 1, maxWps));
        assertEquals(ERROR_INPUT, create(r, maxBps, maxWps + 1));
        assertEquals(ERROR_INPUT, create(r, 0, maxWps));
        assertEquals(ERROR_INPUT, create(r, maxBps, 0));
    }
}
