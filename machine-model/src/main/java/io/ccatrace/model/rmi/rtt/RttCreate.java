package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttUnfold;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_CREATE(rd, rtt, ipa, level), reference 4.14: puts a new table at level below the
 * level-1 entry for ipa, unfolding that entry into it (11.5). Either IPA half, any realm state.
 */
public final class RttCreate implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], rtt = args[1], ipa = args[2], levelArg = args[3];
        // rtt_align, rtt_bound, rtt_state
        if (!rmm.granules().is(rtt, GranuleState.DELEGATED)) return RmiResult.input();
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // level_bound
        if (levelArg <= realm.startLevel() || levelArg > RttGeometry.MAX_LEVEL) {
            return RmiResult.input();
        }
        int level = (int) levelArg;
        // ipa_align
        if (!RttGeometry.aligned(ipa, level - 1)) return RmiResult.input();
        // ipa_bound
        if (!realm.inRange(ipa)) return RmiResult.input();
        // rtt_bound2
        if (!RttGeometry.outputAddressInRange(rtt, realm.lpa2())) return RmiResult.input();
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), ipa, level - 1);
        // rtt_walk
        if (w.level() < level - 1) return RmiResult.rtt(w.level());
        // rtte_state
        if (w.state() == RttState.TABLE) return RmiResult.rtt(level - 1);
        Rtt child = new Rtt(rtt, rd, level, ipa);
        RttUnfold.fill(child, w.table(), w.index());
        rmm.granules().transition(rmm.granules().get(rtt), GranuleState.RTT, child, rd);
        rmm.rtts().link(w.table(), w.index(), child);
        return RmiResult.success();
    }
}
