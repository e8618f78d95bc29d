package io.ccatrace.model.rmi.data;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttWalk;

/**
 * The IPA and RTT checks DATA_CREATE (4.11 rows 5-9) and DATA_CREATE_UNKNOWN (4.12 rows
 * 2-5) share, and their common success effect. Either error or walk is set.
 */
record DataTarget(RmiResult error, RttWalk walk) {

    static DataTarget find(Rmm rmm, Realm realm, long data, long ipa) {
        // ipa_bound: Protected half only (also rejects ipa >= 2^w)
        if (!realm.isProtected(ipa)) return new DataTarget(RmiResult.input(), null);
        // ipa_align
        if (!RttGeometry.aligned(ipa, RttGeometry.MAX_LEVEL)) {
            return new DataTarget(RmiResult.input(), null);
        }
        // data_bound2
        if (!RttGeometry.outputAddressInRange(data, realm.lpa2())) {
            return new DataTarget(RmiResult.input(), null);
        }
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), ipa, RttGeometry.MAX_LEVEL);
        // rtt_walk
        if (w.level() < RttGeometry.MAX_LEVEL) return new DataTarget(RmiResult.rtt(w.level()), null);
        // rtte_state
        if (w.state() != RttState.UNASSIGNED) {
            return new DataTarget(RmiResult.rtt(RttGeometry.MAX_LEVEL), null);
        }
        return new DataTarget(null, w);
    }

    /** gran(data) := DATA owned by the realm; the entry := ASSIGNED data with RIPAS ripas. */
    void assign(Rmm rmm, Realm realm, long data, Ripas ripas) {
        rmm.granules().transition(rmm.granules().get(data), GranuleState.DATA, null, realm.rd());
        rmm.rtts().set(walk.table(), walk.index(), RttState.ASSIGNED, ripas, data, 0);
    }
}
