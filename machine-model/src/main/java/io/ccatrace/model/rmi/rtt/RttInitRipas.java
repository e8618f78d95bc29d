package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmState;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.RipasInit;
import io.ccatrace.model.rtt.RipasSweep;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_INIT_RIPAS(rd, base, top) -> x1 out_top; reference 4.20. While the realm is NEW,
 * turns UNASSIGNED EMPTY entries of [base, top) RAM, one table per call, measuring each entry.
 */
public final class RttInitRipas implements RmiCommand {
    private static final long PAGE = RttGeometry.size(RttGeometry.MAX_LEVEL);

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], base = args[1], top = args[2];
        // size_valid (before rd)
        if (Long.compareUnsigned(top, base) <= 0) return RmiResult.input();
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // base_align, top_align, top_bound: both 4 KiB aligned, [base, top) Protected
        if (!RttGeometry.aligned(base, RttGeometry.MAX_LEVEL)
                || !RttGeometry.aligned(top, RttGeometry.MAX_LEVEL)
                || !realm.isProtected(base) || !realm.isProtected(top - PAGE)) {
            return RmiResult.input();
        }
        // realm_state
        if (realm.state() != RealmState.NEW) return RmiResult.error(RmiStatus.RMI_ERROR_REALM);
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), base, RttGeometry.MAX_LEVEL);
        // base_align: base must start the entry the walk reached
        if (!RipasSweep.baseAligned(w, base)) return RmiResult.rtt(w.level());
        long out = RipasSweep.run(w, base, top, new RipasInit(rmm.rtts(),
                (b, t) -> rmm.measurements().extendRipas(realm, b, t)));
        // no_progress, rtte_state
        if (out == base) return RmiResult.rtt(w.level());
        return RmiResult.success(out);
    }
}
