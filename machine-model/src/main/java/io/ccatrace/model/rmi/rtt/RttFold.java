package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.granule.Granule;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.FoldedEntry;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_FOLD(rd, ipa, level) -> x1 rtt PA; reference 4.16: replaces a homogeneous table at
 * level by one entry at level-1 (11.5) and returns the table granule to DELEGATED.
 */
public final class RttFold implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], ipa = args[1];
        // rd_*, level_bound, ipa_align, ipa_bound, rtt_walk, rtte_state
        ParentEntry p = ParentEntry.find(rmm, rd, ipa, args[2]);
        if (p.error() != null) return p.error();
        RttWalk w = p.walk();
        Granule g = rmm.granules().get(w.addr());
        Rtt child = (Rtt) g.content();
        FoldedEntry folded = FoldedEntry.of(child);
        // rtte_homo
        if (folded == null) return RmiResult.rtt(p.level());
        // block level: no ASSIGNED / ASSIGNED_NS block above level 1 (TF-RMM detail)
        if (!folded.allowedAt(p.level() - 1)) return RmiResult.rtt(p.level() - 1);
        // 1.0-EAC5: ASSIGNED / ASSIGNED_NS blocks only at level 2 (reference 12.2)
        if (rmm.has(Quirk.EAC5_FOLD_BLOCKS_LEVEL_2) && folded.isBlock() && p.level() - 1 < 2) {
            return RmiResult.rtt(p.level() - 1);
        }
        rmm.rtts().set(w.table(), w.index(), folded.state(), folded.ripas(), folded.addr(),
                folded.attrs());
        rmm.granules().transition(g, GranuleState.DELEGATED, null, -1);
        return RmiResult.success(child.pa());
    }
}
