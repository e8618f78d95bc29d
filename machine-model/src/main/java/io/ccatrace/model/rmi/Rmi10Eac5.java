package io.ccatrace.model.rmi;

import io.ccatrace.model.rmi.system.FeaturesEac5;

/**
 * The RMI command table of RMM 1.0-EAC5 as a delta on 1.0-rel0 (reference 12.2, 12.3):
 * same FIDs and register counts; RMI_FEATURES reports the EAC5 FEAT0 layout. The remaining
 * differences are guards, switched by the EAC5_* quirks.
 */
public final class Rmi10Eac5 {
    private Rmi10Eac5() {
    }

    public static CommandTable table() {
        CommandTable rel0 = Rmi10.table();
        return rel0.replace(rel0.byName("RMI_FEATURES").fid(), new FeaturesEac5());
    }
}
