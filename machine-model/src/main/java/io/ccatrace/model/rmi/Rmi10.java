package io.ccatrace.model.rmi;

import io.ccatrace.model.rmi.data.DataCreate;
import io.ccatrace.model.rmi.data.DataCreateUnknown;
import io.ccatrace.model.rmi.data.DataDestroy;
import io.ccatrace.model.rmi.granule.GranuleDelegate;
import io.ccatrace.model.rmi.granule.GranuleUndelegate;
import io.ccatrace.model.rmi.realm.RealmActivate;
import io.ccatrace.model.rmi.realm.RealmCreate;
import io.ccatrace.model.rmi.realm.RealmDestroy;
import io.ccatrace.model.rmi.rec.PsciComplete;
import io.ccatrace.model.rmi.rec.RecAuxCount;
import io.ccatrace.model.rmi.rec.RecCreate;
import io.ccatrace.model.rmi.rec.RecDestroy;
import io.ccatrace.model.rmi.rec.RecEnter;
import io.ccatrace.model.rmi.rtt.RttCreate;
import io.ccatrace.model.rmi.rtt.RttDestroy;
import io.ccatrace.model.rmi.rtt.RttFold;
import io.ccatrace.model.rmi.rtt.RttInitRipas;
import io.ccatrace.model.rmi.rtt.RttMapUnprotected;
import io.ccatrace.model.rmi.rtt.RttReadEntry;
import io.ccatrace.model.rmi.rtt.RttSetRipas;
import io.ccatrace.model.rmi.rtt.RttUnmapUnprotected;
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
                .add(0xC4000153L, "RMI_DATA_CREATE", 5, 0, new DataCreate())
                .add(0xC4000154L, "RMI_DATA_CREATE_UNKNOWN", 3, 0, new DataCreateUnknown())
                .add(0xC4000155L, "RMI_DATA_DESTROY", 2, 2, new DataDestroy())
                .add(0xC4000157L, "RMI_REALM_ACTIVATE", 1, 0, new RealmActivate())
                .add(0xC4000158L, "RMI_REALM_CREATE", 2, 0, new RealmCreate())
                .add(0xC4000159L, "RMI_REALM_DESTROY", 1, 0, new RealmDestroy())
                .add(0xC400015AL, "RMI_REC_CREATE", 3, 0, new RecCreate())
                .add(0xC400015BL, "RMI_REC_DESTROY", 1, 0, new RecDestroy())
                .add(0xC400015CL, "RMI_REC_ENTER", 2, 0, new RecEnter())
                .add(0xC400015DL, "RMI_RTT_CREATE", 4, 0, new RttCreate())
                .add(0xC400015EL, "RMI_RTT_DESTROY", 3, 2, new RttDestroy())
                .add(0xC400015FL, "RMI_RTT_MAP_UNPROTECTED", 4, 0, new RttMapUnprotected())
                .add(0xC4000161L, "RMI_RTT_READ_ENTRY", 3, 4, new RttReadEntry())
                .add(0xC4000162L, "RMI_RTT_UNMAP_UNPROTECTED", 3, 1, new RttUnmapUnprotected())
                .add(0xC4000164L, "RMI_PSCI_COMPLETE", 3, 0, new PsciComplete())
                .add(0xC4000165L, "RMI_FEATURES", 1, 1, new Features())
                .add(0xC4000166L, "RMI_RTT_FOLD", 3, 1, new RttFold())
                .add(0xC4000167L, "RMI_REC_AUX_COUNT", 1, 1, new RecAuxCount())
                .add(0xC4000168L, "RMI_RTT_INIT_RIPAS", 3, 1, new RttInitRipas())
                .add(0xC4000169L, "RMI_RTT_SET_RIPAS", 4, 1, new RttSetRipas());
    }
}
