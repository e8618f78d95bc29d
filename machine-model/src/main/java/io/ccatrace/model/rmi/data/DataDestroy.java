package io.ccatrace.model.rmi.data;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.Quirk;
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
 * RMI_DATA_DESTROY(rd, ipa) -> x1 data PA, x2 top; reference 4.13. Unmaps and scrubs a
 * DATA granule; a RAM page leaves its IPA DESTROYED. Any realm state. x2 is the non-live
 * top (11.6) on SUCCESS and ERROR_RTT, 0 on ERROR_INPUT; x1 is 0 unless SUCCESS.
 */
public final class DataDestroy implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], ipa = args[1];
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.errorWith(RmiStatus.RMI_ERROR_INPUT, 0, 0);
        // ipa_bound, ipa_align
        if (!realm.isProtected(ipa) || !RttGeometry.aligned(ipa, RttGeometry.MAX_LEVEL)) {
            return RmiResult.errorWith(RmiStatus.RMI_ERROR_INPUT, 0, 0);
        }
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), ipa, RttGeometry.MAX_LEVEL);
        // rtt_walk
        if (w.level() < RttGeometry.MAX_LEVEL) {
            return RmiResult.rtt(w.level(), 0, Liveness.nonLiveTop(w, ipa));
        }
        // rtte_state
        if (w.state() != RttState.ASSIGNED) {
            return RmiResult.rtt(RttGeometry.MAX_LEVEL, 0, Liveness.nonLiveTop(w, ipa));
        }
        long data = w.addr();
        Ripas after = w.ripas() == Ripas.EMPTY ? Ripas.EMPTY : Ripas.DESTROYED;
        if (!rmm.has(Quirk.BUG_DATA_DESTROY_KEEPS_MAPPING)) {
            rmm.rtts().set(w.table(), w.index(), RttState.UNASSIGNED, after, 0, 0);
        }
        rmm.granules().transition(rmm.granules().get(data), GranuleState.DELEGATED, null, -1);
        return RmiResult.success(data, Liveness.nonLiveTop(w, ipa));
    }
}
