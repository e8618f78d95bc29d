package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.granule.Granule;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.Liveness;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_DESTROY(rd, ipa, level) -> x1 rtt PA, x2 top; reference 4.15. Removes a non-live
 * table; its parent entry becomes UNASSIGNED DESTROYED (protected) or UNASSIGNED_NS.
 * x2 is the non-live top (11.6) of the parent table on SUCCESS and walk/state errors, ipa
 * on `rtt_live`, 0 on ERROR_INPUT; x1 is 0 unless SUCCESS.
 */
public final class RttDestroy implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], ipa = args[1];
        // rd_*, level_bound, ipa_align, ipa_bound, rtt_walk, rtte_state
        ParentEntry p = ParentEntry.find(rmm, rd, ipa, args[2]);
        if (p.error() != null) {
            long top = p.walk() == null ? 0 : Liveness.nonLiveTop(p.walk(), ipa);
            return new RmiResult(p.error().status(), p.error().index(), new long[] {0, top});
        }
        RttWalk w = p.walk();
        Granule g = rmm.granules().get(w.addr());
        Rtt child = (Rtt) g.content();
        // rtt_live
        if (child.liveCount() > 0) return RmiResult.rtt(p.level(), 0, ipa);
        if (p.realm().isProtected(ipa)) {
            rmm.rtts().set(w.table(), w.index(), RttState.UNASSIGNED, Ripas.DESTROYED, 0, 0);
        } else {
            rmm.rtts().set(w.table(), w.index(), RttState.UNASSIGNED_NS, Ripas.EMPTY, 0, 0);
        }
        rmm.granules().transition(g, GranuleState.DELEGATED, null, -1);
        return new RmiResult(RmiStatus.RMI_SUCCESS, 0,
                new long[] {child.pa(), Liveness.nonLiveTop(w, ipa)});
    }
}
