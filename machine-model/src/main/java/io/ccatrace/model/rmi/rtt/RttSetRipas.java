package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.RipasChange;
import io.ccatrace.model.rtt.RipasSweep;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_SET_RIPAS(rd, rec, base, top) -> x1 out_top; reference 4.21. Applies (part of)
 * the REC's pending RIPAS change request, one table per call, and advances the request's
 * progress address. Not measured.
 */
public final class RttSetRipas implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], recPa = args[1], base = args[2], top = args[3];
        // size_valid
        if (Long.compareUnsigned(top, base) <= 0) return RmiResult.input();
        // top_gran_align (spec; absent in TF-RMM rel0, docs/model-decisions.md)
        if (!RttGeometry.aligned(top, RttGeometry.MAX_LEVEL)) return RmiResult.input();
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // rec_align, rec_bound, rec_gran_state
        Rec rec = rmm.recAt(recPa);
        if (rec == null) return RmiResult.input();
        // rec_state
        if (rec.running()) return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        // rec_owner
        if (rec.rd() != rd) return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        // base_bound, top_bound: the request's progress address and limit
        boolean unrequested = !rec.ripasPending() && rmm.has(Quirk.BUG_SET_RIPAS_UNREQUESTED);
        if (!unrequested && (base != rec.ripasAddr || Long.compareUnsigned(top, rec.ripasTop) > 0)) {
            return RmiResult.input();
        }
        // the seeded bug still only walks the Protected half (the walk needs ipa < 2^w)
        if (unrequested && !(realm.isProtected(base) && realm.isProtected(top - 1))) {
            return RmiResult.input();
        }
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), base, RttGeometry.MAX_LEVEL);
        // base_align: base must start the entry the walk reached
        if (!RipasSweep.baseAligned(w, base)) return RmiResult.rtt(w.level());
        long out = RipasSweep.run(w, base, top, new RipasChange(rmm.rtts(),
                Ripas.of(rec.ripasValue), rec.ripasChangeDestroyed));
        // no_progress
        if (out == base) return RmiResult.rtt(w.level());
        rec.ripasAddr = out;
        return RmiResult.success(out);
    }
}
