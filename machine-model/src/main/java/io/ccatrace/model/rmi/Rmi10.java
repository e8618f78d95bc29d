package io.ccatrace.model.rmi;

import io.ccatrace.model.rmi.granule.GranuleDelegate;
import io.ccatrace.model.rmi.granule.GranuleUndelegate;
import io.ccatrace.model.rmi.realm.RealmActivate;
import io.ccatrace.model.rmi.realm.RealmCreate;
import io.ccatrace.model.rmi.realm.RealmDestroy;
import io.ccatrace.model.rmi.rec.RecAuxCount;
import io.ccatrace.model.rmi.rec.RecCreate;
import io.ccatrace.model.rmi.rec.RecDestroy;
import io.ccatrace.model.rmi.system.Features;
import io.ccatrace.model.rmi.system.Version;

/**
 * The RMI command table of RMM 1.0-rel0 (reference section 3): FID, name, argument count,
 * result count, handler. CommandTableTest checks it against the reference's list.
 */
public final class Rmi10 {
    public static final long BASE = 0xC4000150L;

    private Rmi10() {
    }

    public static CommandTable table() {
        return new CommandTable()
                .add(0xC4000150L, "RMI_VERSION", 1, 2, new Version())
                .add(0xC4000151L, "RMI_GRANULE_DELEGATE", 1, 0, new GranuleDelegate())
                .add(0xC4000152L, "RMI_GRANULE_UNDELEGATE", 1, 0, new GranuleUndelegate())
                .add(0xC4000157L, "RMI_REALM_ACTIVATE", 1, 0, new RealmActivate())
                .add(0xC4000158L, "RMI_REALM_CREATE", 2, 0, new RealmCreate())
                .add(0xC4000159L, "RMI_REALM_DESTROY", 1, 0, new RealmDestroy())
                .add(0xC400015AL, "RMI_REC_CREATE", 3, 0, new RecCreate())
                .add(0xC400015BL, "RMI_REC_DESTROY", 1, 0, new RecDestroy())
                .add(0xC4000165L, "RMI_FEATURES", 1, 1, new Features())
                .add(0xC4000167L, "RMI_REC_AUX_COUNT", 1, 1, new RecAuxCount());
    }
}
