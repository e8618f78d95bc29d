package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttWalk;

/**
 * Rows 1-5 shared by RTT_DESTROY (4.15) and RTT_FOLD (4.16): find the TABLE entry at
 * level-1 that points at the child RTT at `level`. On failure error is set, and walk too
 * once the walk has happened (RTT_DESTROY reports a top from it).
 */
record ParentEntry(RmiResult error, Realm realm, int level, RttWalk walk) {

    static ParentEntry find(Rmm rmm, long rd, long ipa, long levelArg) {
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return new ParentEntry(RmiResult.input(), null, 0, null);
        // level_bound
        if (levelArg <= realm.startLevel() || levelArg > RttGeometry.MAX_LEVEL) {
            return new ParentEntry(RmiResult.input(), realm, 0, null);
        }
        int level = (int) levelArg;
        // ipa_align, ipa_bound
        if (!RttGeometry.aligned(ipa, level - 1) || !realm.inRange(ipa)) {
            return new ParentEntry(RmiResult.input(), realm, level, null);
        }
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), ipa, level - 1);
        // rtt_walk
        if (w.level() < level - 1) return new ParentEntry(RmiResult.rtt(w.level()), realm, level, w);
        // rtte_state
        if (w.state() != RttState.TABLE) {
            return new ParentEntry(RmiResult.rtt(level - 1), realm, level, w);
        }
        return new ParentEntry(null, realm, level, w);
    }
}
