package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gic.GicEntryCheck;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmState;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rsi.RealmContext;
import io.ccatrace.model.rtt.Ripas;

/**
 * RMI_REC_ENTER(rec, run_ptr), reference 4.22: the guards in the reference's order, then one
 * realm run (REC state RUNNING meanwhile); RecRun.exit is zeroed, filled and written back
 * only on SUCCESS (9.3), and the exit is recorded as a REC_EXIT event.
 */
public final class RecEnter implements RmiCommand {
    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        long recPa = args[0], runPtr = args[1];
        // run_align, run_bound, run_pas (granule state)
        if (!rmm.granules().isValidGranule(runPtr)
                || !rmm.granules().is(runPtr, GranuleState.UNDELEGATED)) {
            return RmiResult.input();
        }
        // rec_align, rec_bound, rec_gran_state
        Rec rec = rmm.recAt(recPa);
        if (rec == null) return RmiResult.input();
        // rec state: already RUNNING on another PE
        if (rec.running()) return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        // run_pas: reading RecRun.enter faults
        if (!rmm.nsAccess(cpu, runPtr, false)) return RmiResult.input();
        RecRunEnter enter = RecRunEnter.read(rmm.memory(), runPtr, rec.enterGprs, rec.enterLrs);
        Realm realm = rmm.realmAt(rec.rd());
        // realm_new
        if (realm.state() == RealmState.NEW) return new RmiResult(RmiStatus.RMI_ERROR_REALM, 0, new long[0]);
        // system_off
        if (realm.state() == RealmState.SYSTEM_OFF && !rmm.has(Quirk.BUG_ENTER_SYSTEM_OFF)) {
            return new RmiResult(RmiStatus.RMI_ERROR_REALM, 1, new long[0]);
        }
        // rec_runnable
        if (!rec.runnable()) return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        // rec_psci: a PSCI request waits for RMI_PSCI_COMPLETE
        if (rec.psciPendingFid != 0) return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        // rec_gicv3
        if (!GicEntryCheck.valid(enter.gicv3Hcr(), enter.gicv3Lrs(), rmm.config().gicNumLrs())) {
            return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        }
        // inject_sea: only after a data abort at an Unprotected IPA
        boolean injectSea = enter.has(RecRunEnter.INJECT_SEA);
        if (injectSea && !rec.lastExitUnprotectedAbort) return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        // rec_mmio: EMUL_MMIO only after an emulatable data abort
        if (!injectSea && enter.has(RecRunEnter.EMUL_MMIO) && !rec.lastExitEmulatable) {
            return RmiResult.error(RmiStatus.RMI_ERROR_REC);
        }
        rmm.recs().enter(rec);
        RecRunExit exit = new RealmRun(new RealmContext(rmm, realm, rec, cpu)).enter(enter);
        // exit write: RecRun.exit must be writable (the realm has run already)
        boolean written = rmm.nsAccess(cpu, runPtr + RecRunExit.OFFSET, true);
        if (written) {
            exit.writeTo(rmm.memory(), runPtr, enter.gicv3Hcr(), enter.gicv3Lrs());
            emitExit(rmm.bus(), realm, rec, exit);
        }
        rmm.recs().exit(rec);
        return written ? RmiResult.success() : RmiResult.input();
    }

    private static void emitExit(EventBus bus, Realm realm, Rec rec, RecRunExit x) {
        boolean ripas = x.reason() == ExitReason.RIPAS_CHANGE;
        boolean hostCall = x.reason() == ExitReason.HOST_CALL;
        bus.emit(new ModelEvent.RecExit(bus.seq(), bus.now(), bus.cause(), realm.rd(), rec.pa(),
                x.reason().name(), x.esr(), x.far(), x.hpfar(), x.gprsTrimmed(),
                ripas ? x.ripasBase() : ModelEvent.NONE, ripas ? x.ripasTop() : ModelEvent.NONE,
                ripas ? Ripas.values()[x.ripasValue()].name() : null,
                hostCall ? x.imm() : ModelEvent.NONE));
    }
}
