package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.granule.GranuleTable;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;

/** RMI_REC_DESTROY(rec), reference 4.10. Allowed in any realm state. */
public final class RecDestroy implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long recPa = args[0];
        // rec_align, rec_bound, rec_gran_state
        Rec rec = rmm.recAt(recPa);
        if (rec == null) return RmiResult.input();
        // rec_state: inside REC_ENTER on some PE
        if (rec.running()) return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        Realm realm = rmm.realmAt(rec.rd());
        if (realm == null) {
            throw new IllegalStateException("REC 0x" + Long.toHexString(recPa) + " has no RD");
        }
        rmm.recs().destroyed(rec);
        GranuleTable granules = rmm.granules();
        for (long a : rec.aux()) {
            granules.transition(granules.get(a), GranuleState.DELEGATED, null, -1);
        }
        granules.transition(granules.get(recPa), GranuleState.DELEGATED, null, -1);
        realm.removeRec();
        rmm.guest().clear(recPa);
        return RmiResult.success();
    }
}
