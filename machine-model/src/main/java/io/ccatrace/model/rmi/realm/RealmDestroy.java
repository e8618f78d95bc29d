package io.ccatrace.model.rmi.realm;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.granule.GranuleTable;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.Rtt;

/** RMI_REALM_DESTROY(rd), reference 4.7. Allowed in any realm state. */
public final class RealmDestroy implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(args[0]);
        if (realm == null) return RmiResult.input();
        // realm_live: it owns a REC, or a starting RTT holds a live entry
        if (isLive(realm)) return RmiResult.error(RmiStatus.RMI_ERROR_REALM);
        rmm.realms().destroyed(realm);
        GranuleTable granules = rmm.granules();
        for (Rtt t : realm.startingRtts()) {
            granules.transition(granules.get(t.pa()), GranuleState.DELEGATED, null, -1);
        }
        granules.transition(granules.get(realm.rd()), GranuleState.DELEGATED, null, -1);
        rmm.vmids().release(realm.params().vmid());
        return RmiResult.success();
    }

    /** Live = owns a REC, or a starting RTT has a TABLE or protected ASSIGNED entry (4.7). */
    static boolean isLive(Realm realm) {
        if (realm.recCount() > 0) return true;
        for (Rtt t : realm.startingRtts()) {
            if (t.liveCount() > 0) return true;
        }
        return false;
    }
}
