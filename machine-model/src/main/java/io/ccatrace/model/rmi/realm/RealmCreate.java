package io.ccatrace.model.rmi.realm;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.granule.GranuleTable;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmParams;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rmi.system.Feat0;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttEntries;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import java.util.ArrayList;
import java.util.List;

/** RMI_REALM_CREATE(rd, params_ptr), reference 4.5. */
public final class RealmCreate implements RmiCommand {
    private static final int PAGE = 4096;
    /** TF-RMM rejects starting level 0 on PEs with a PA range below this (reference 4.5). */
    private static final int LEVEL0_MIN_PA_BITS = 44;

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0];
        long paramsPtr = args[1];
        GranuleTable granules = rmm.granules();
        // params_align, params_bound
        if (!granules.isValidGranule(paramsPtr)) return RmiResult.input();
        // params_pas: the granule is not NS to the RMM (no access tried), or the read faults
        if (!granules.is(paramsPtr, GranuleState.UNDELEGATED)) return RmiResult.input();
        byte[] page = rmm.readNs(cpu, paramsPtr, PAGE);
        if (page == null) return RmiResult.input();
        RealmParams p = RealmParams.parse(page);
        // limits: the FEAT0 this model reports (TF-RMM validates against get_feature_register_0())
        Feat0 feat = Feat0.reported(rmm);
        // params_supp: LPA2 requested but not implemented
        if (p.lpa2() && !feat.lpa2()) return RmiResult.input();
        // params_valid: IPA width
        if (p.s2sz() < 32 || p.s2sz() > feat.s2sz()) return RmiResult.input();
        // params_supp: debug resources (reference open point 6: 1..FEAT0 value accepted)
        boolean zeroOk = rmm.has(Quirk.EAC5_ZERO_DEBUG_COUNTS);
        if (p.numBps() == 0 && !zeroOk || p.numBps() > feat.numBps()) return RmiResult.input();
        if (p.numWps() == 0 && !zeroOk || p.numWps() > feat.numWps()) return RmiResult.input();
        // params_supp: SVE
        if (p.sve() && (!feat.sveEn() || p.sveVl() > feat.sveVl())) return RmiResult.input();
        // params_supp: PMU (the model's PE has no FEAT_HPMN0, so 0 counters is refused)
        if (p.pmu() && (p.pmuNumCtrs() > feat.pmuNumCtrs() || p.pmuNumCtrs() == 0)) {
            return RmiResult.input();
        }
        // rtt_num_level: (s2sz, rtt_level_start) consistent (reference 11.3)
        int tables = startingTables(rmm, p);
        if (tables < 0) return RmiResult.input();
        // rtt_num_level: rtt_num_start matches
        if (p.rttNumStart() != tables) return RmiResult.input();
        // params_valid: hash algorithm
        if (p.hashAlgo() != 0 && p.hashAlgo() != 1) return RmiResult.input();
        // vmid_valid
        if (!rmm.vmids().isFree(p.vmid())) return RmiResult.input();
        // alias: rd is one of the starting RTT granules
        if (Long.compareUnsigned(rd - p.rttBase(), (long) tables * PAGE) < 0) {
            return RmiResult.input();
        }
        // rd_align, rd_bound, rd_state
        if (!granules.is(rd, GranuleState.DELEGATED)) return RmiResult.input();
        // rtt_align, rtt_state
        for (int i = 0; i < tables; i++) {
            if (!granules.is(p.rttBase() + (long) i * PAGE, GranuleState.DELEGATED)) {
                return RmiResult.input();
            }
        }
        create(rmm, rd, p, tables);
        return RmiResult.success();
    }

    /** Number of starting tables for the params' geometry, or -1 if invalid. */
    private static int startingTables(Rmm rmm, RealmParams p) {
        long level = p.rttLevelStart();
        if (level < -1 || level > RttGeometry.MAX_LEVEL) return -1;
        if (level == 0 && rmm.config().paBits() < LEVEL0_MIN_PA_BITS) return -1;
        return RttGeometry.startingTables((int) p.s2sz(), (int) level, p.lpa2());
    }

    private static void create(Rmm rmm, long rd, RealmParams p, int tables) {
        int level = (int) p.rttLevelStart();
        long protectedTop = 1L << (p.s2sz() - 1);
        List<Rtt> rtts = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            long base = (long) i * RttGeometry.ENTRIES * RttGeometry.size(level);
            Rtt t = new Rtt(p.rttBase() + (long) i * PAGE, rd, level, base);
            int firstNs = firstUnprotected(t, protectedTop);
            RttEntries.fill(t, 0, firstNs, RttState.UNASSIGNED, Ripas.EMPTY);
            RttEntries.fill(t, firstNs, RttGeometry.ENTRIES, RttState.UNASSIGNED_NS, Ripas.EMPTY);
            rtts.add(t);
        }
        Realm realm = new Realm(rd, p, rtts);
        GranuleTable granules = rmm.granules();
        granules.transition(granules.get(rd), GranuleState.RD, realm, rd);
        for (Rtt t : rtts) {
            granules.transition(granules.get(t.pa()), GranuleState.RTT, t, rd);
        }
        rmm.vmids().reserve(p.vmid());
        rmm.realms().created(realm);
        rmm.measurements().init(realm);
    }

    /** Index of the first entry of t at or above the unprotected half (512 if none). */
    private static int firstUnprotected(Rtt t, long protectedTop) {
        if (Long.compareUnsigned(t.baseIpa(), protectedTop) >= 0) return 0;
        long n = (protectedTop - t.baseIpa()) >>> RttGeometry.shift(t.level());
        return (int) Math.min(n, RttGeometry.ENTRIES);
    }
}
