package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.EntryReport;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_READ_ENTRY(rd, ipa, level) -> x1 walk level, x2 state, x3 desc, x4 ripas;
 * reference 4.19. Never ERROR_RTT: reports the entry where the walk toward level stopped.
 */
public final class RttReadEntry implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], ipa = args[1], levelArg = args[2];
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // level_bound
        if (levelArg < realm.startLevel() || levelArg > RttGeometry.MAX_LEVEL) {
            return RmiResult.input();
        }
        int level = (int) levelArg;
        // ipa_align, ipa_bound
        if (!RttGeometry.aligned(ipa, level) || !realm.inRange(ipa)) return RmiResult.input();
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), ipa, level);
        return RmiResult.success(EntryReport.of(w).registers());
    }
}
