package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.granule.GranuleTable;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmState;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecMpidr;
import io.ccatrace.model.rec.RecParams;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rmi.system.Features;
import java.util.Arrays;

/**
 * RMI_REC_CREATE(rd, rec, params_ptr), reference 4.9. The guards follow the specification's
 * condition list as the ACS gives it (params, rec, rd, realm_state, mpidr_index, num_aux,
 * aux_*), not TF-RMM's aux-first order: see docs/model-decisions.md. Aux granules are claimed
 * only on success, so a failed call leaves them DELEGATED.
 */
public final class RecCreate implements RmiCommand {
    /** Maximum live RECs per realm: 2^MAX_RECS_ORDER - 1 (reference 2.5, 4.9 row 5). */
    public static final int MAX_RECS = (1 << Features.MAX_RECS_ORDER) - 1;
    private static final int PAGE = 4096;

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0];
        long recPa = args[1];
        long paramsPtr = args[2];
        GranuleTable granules = rmm.granules();
        // params_align, params_bound
        if (!granules.isValidGranule(paramsPtr)) return RmiResult.input();
        // params_pas: the granule is not NS to the RMM (no access tried), or the read faults
        if (!granules.is(paramsPtr, GranuleState.UNDELEGATED)) return RmiResult.input();
        byte[] page = rmm.readNs(cpu, paramsPtr, PAGE);
        if (page == null) return RmiResult.input();
        RecParams p = RecParams.parse(page);
        // rec_align, rec_bound, rec_state
        if (!granules.is(recPa, GranuleState.DELEGATED)) return RmiResult.input();
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // (impl.) the realm already has the maximum number of RECs (TF-RMM: RD refcount)
        if (realm.recCount() >= MAX_RECS) return RmiResult.error(RmiStatus.RMI_ERROR_REALM);
        // realm_state
        if (realm.state() != RealmState.NEW && !rmm.has(Quirk.BUG_REC_CREATE_IN_ACTIVE_REALM)) {
            return RmiResult.error(RmiStatus.RMI_ERROR_REALM);
        }
        // mpidr_index
        if (!RecMpidr.isValid(p.mpidr()) || RecMpidr.index(p.mpidr()) != realm.nextRecIndex()
                && !rmm.has(Quirk.BUG_REC_CREATE_ANY_MPIDR)) {
            return RmiResult.input();
        }
        // num_aux: must equal REC_AUX_COUNT(rd) (16, also TF-RMM's array bound)
        if (p.numAux() != RecAuxCount.AUX_COUNT) return RmiResult.input();
        long[] aux = Arrays.copyOf(p.aux(), RecAuxCount.AUX_COUNT);
        // aux_align, aux_bound, aux_alias, aux_state
        if (!auxUsable(granules, aux, recPa)) return RmiResult.input();
        create(rmm, realm, recPa, p, aux);
        return RmiResult.success();
    }

    /**
     * aux_align/aux_bound (valid granule), aux_alias (repeated, or the REC granule itself)
     * and aux_state (DELEGATED), checked per aux entry in order.
     */
    private static boolean auxUsable(GranuleTable granules, long[] aux, long recPa) {
        for (int i = 0; i < aux.length; i++) {
            if (!granules.isValidGranule(aux[i])) return false;
            if (aux[i] == recPa || contains(aux, i, aux[i])) return false;
            if (!granules.is(aux[i], GranuleState.DELEGATED)) return false;
        }
        return true;
    }

    /** Whether pa is among the first n entries of a. */
    private static boolean contains(long[] a, int n, long pa) {
        for (int i = 0; i < n; i++) {
            if (a[i] == pa) return true;
        }
        return false;
    }

    private static void create(Rmm rmm, Realm realm, long recPa, RecParams p, long[] aux) {
        GranuleTable granules = rmm.granules();
        long rd = realm.rd();
        Rec rec = new Rec(recPa, rd, realm.nextRecIndex(), p.mpidr(), aux, p.runnable());
        long[] gprs = p.gprs();
        System.arraycopy(gprs, 0, rec.gprs, 0, gprs.length);
        rec.pc = p.pc();
        granules.transition(granules.get(recPa), GranuleState.REC, rec, rd);
        for (long a : aux) {
            granules.transition(granules.get(a), GranuleState.REC_AUX, null, rd);
        }
        realm.addRec(recPa);
        rmm.recs().created(rec);
        if (p.runnable()) {
            rmm.measurements().extendRec(realm, p.flags(), p.pc(), gprs);
        }
    }
}
