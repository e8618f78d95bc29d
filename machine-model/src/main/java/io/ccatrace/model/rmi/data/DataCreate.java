package io.ccatrace.model.rmi.data;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmState;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rtt.Ripas;

/**
 * RMI_DATA_CREATE(rd, data, ipa, src, flags), reference 4.11: copies the Host's 4 KiB
 * source into a delegated granule, maps it ASSIGNED RAM at ipa and measures it into the RIM.
 */
public final class DataCreate implements RmiCommand {
    /** RmiDataMeasureContent values (reference 2.1). */
    public static final long NO_MEASURE_CONTENT = 0, MEASURE_CONTENT = 1;

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long rd = args[0], data = args[1], ipa = args[2], src = args[3], flags = args[4];
        // flags: checked first, as TF-RMM does (docs/model-decisions.md)
        if (flags != NO_MEASURE_CONTENT && flags != MEASURE_CONTENT) return RmiResult.input();
        // src_align, src_bound, src_pas (granule state)
        if (!rmm.granules().is(src, GranuleState.UNDELEGATED)) return RmiResult.input();
        // data_align, data_bound, data_state
        if (!rmm.granules().is(data, GranuleState.DELEGATED)) return RmiResult.input();
        // rd_align, rd_bound, rd_state
        Realm realm = rmm.realmAt(rd);
        if (realm == null) return RmiResult.input();
        // realm_state
        if (realm.state() != RealmState.NEW) return RmiResult.error(RmiStatus.RMI_ERROR_REALM);
        // ipa_bound, ipa_align, data_bound2, rtt_walk, rtte_state
        DataTarget target = DataTarget.find(rmm, realm, data, ipa);
        if (target.error() != null) return target.error();
        // src_pas: the copy faults when src is not in the NS PAS; the data granule stays zero
        byte[] content = rmm.readNs(cpu, src, (int) PhysicalMemory.GRANULE_SIZE);
        if (content == null) {
            rmm.memory().scrub(data);
            return RmiResult.input();
        }
        rmm.memory().write(data, content);
        target.assign(rmm, realm, data, Ripas.RAM);
        rmm.measurements().extendData(realm, ipa, flags, content);
        return RmiResult.success();
    }
}
