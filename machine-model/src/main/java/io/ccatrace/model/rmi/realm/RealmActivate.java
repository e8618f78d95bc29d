package io.ccatrace.model.rmi.realm;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmState;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;

/** RMI_REALM_ACTIVATE(rd), reference 4.6. */
public final class RealmActivate implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(args[0]);
        if (realm == null) return RmiResult.input();
        // realm_state
        if (realm.state() != RealmState.NEW) return RmiResult.error(RmiStatus.RMI_ERROR_REALM);
        rmm.realms().activate(realm);
        return RmiResult.success();
    }
}
