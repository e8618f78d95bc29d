package io.ccatrace.model.rmi.rtt;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.NsDescriptor;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RMI_RTT_MAP_UNPROTECTED(rd, ipa, level, desc), reference 4.17: maps a Host-chosen NS
 * page or block at an Unprotected IPA. The PA is not checked against the GPT.
 */
public final class RttMapUnprotected implements RmiCommand {
    /** Lowest level of an unprotected mapping (reference 11.4). */
    static final int MIN_MAP_LEVEL = 1;

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], ipa = args[1], levelArg = args[2], desc = args[3];
        // level_bound (before rd, as TF-RMM)
        if (levelArg < minLevel(rmm) || levelArg > RttGeometry.MAX_LEVEL) return RmiResult.input();
        int level = (int) levelArg;
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // attr_valid, addr_align, addr_bound
        NsDescriptor d = NsDescriptor.parse(desc, level);
        if (d == null) return RmiResult.input();
        // ipa_align, ipa_bound
        if (!RttGeometry.aligned(ipa, level) || !realm.inRange(ipa)) return RmiResult.input();
        // ipa_bound: must be Unprotected
        boolean bug = rmm.has(Quirk.BUG_MAP_UNPROTECTED_IN_PROTECTED);
        if (realm.isProtected(ipa) && !bug) return RmiResult.input();
        RttWalk w = RttWalk.walk(realm.startingRtts(), rmm.granules(), ipa, level);
        // rtt_walk: the walk must end at exactly `level`
        if (w.level() != level) return RmiResult.rtt(w.level());
        // rtte_state
        if (w.state() != RttState.UNASSIGNED_NS && !(bug && w.state() == RttState.UNASSIGNED)) {
            return RmiResult.rtt(level);
        }
        rmm.rtts().set(w.table(), w.index(), RttState.ASSIGNED_NS, Ripas.EMPTY, d.oa(), d.attrs());
        return RmiResult.success();
    }

    /** Lowest level accepted: 1 (rel0), 2 in 1.0-EAC5 (reference 12.2). */
    static int minLevel(Rmm rmm) {
        return rmm.has(Quirk.EAC5_UNPROTECTED_LEVEL_2_3) ? 2 : MIN_MAP_LEVEL;
    }
}
