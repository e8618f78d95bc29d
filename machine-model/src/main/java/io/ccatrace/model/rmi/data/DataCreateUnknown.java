package io.ccatrace.model.rmi.data;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.Rmm;

/**
 * RMI_DATA_CREATE_UNKNOWN(rd, data, ipa), reference 4.12: maps a zero DATA granule at ipa,
 * keeping the entry's RIPAS. Any realm state; not measured.
 */
public final class DataCreateUnknown implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], data = args[1], ipa = args[2];
        // data_align, data_bound, data_state
        if (!rmm.granules().is(data, GranuleState.DELEGATED)) return RmiResult.input();
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // ipa_bound, ipa_align, data_bound2, rtt_walk, rtte_state
        DataTarget target = DataTarget.find(rmm, realm, data, ipa);
        if (target.error() != null) return target.error();
        target.assign(rmm, realm, data, target.walk().ripas());
        return RmiResult.success();
    }
}
