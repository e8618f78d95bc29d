package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.Liveness;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_UNMAP_UNPROTECTED(rd, ipa, level) -> x1 top; reference 4.18. x1 is the non-live
 * top (11.6) on SUCCESS and ERROR_RTT, 0 on ERROR_INPUT.
 */
public final class RttUnmapUnprotected implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], ipa = args[1], levelArg = args[2];
        // level_bound
        if (levelArg < RttMapUnprotected.minLevel(rmm) || levelArg > RttGeometry.MAX_LEVEL) {
            return RmiResult.errorWith(RmiStatus.RMI_ERROR_INPUT, 0);
        }
        int level = (int) levelArg;
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.errorWith(RmiStatus.RMI_ERROR_INPUT, 0);
        // ipa_align, ipa_bound (also: must be Unprotected)
        if (!RttGeometry.aligned(ipa, level) || !realm.inRange(ipa) || realm.isProtected(ipa)) {
            return RmiResult.errorWith(RmiStatus.RMI_ERROR_INPUT, 0);
        }
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), ipa, level);
        // rtt_walk, rtte_state: index = the level the walk reached
        if (w.level() != level || w.state() != RttState.ASSIGNED_NS) {
            return RmiResult.rtt(w.level(), Liveness.nonLiveTop(w, ipa));
        }
        rmm.rtts().set(w.table(), w.index(), RttState.UNASSIGNED_NS, Ripas.EMPTY, 0, 0);
        return RmiResult.success(Liveness.nonLiveTop(w, ipa));
    }
}
