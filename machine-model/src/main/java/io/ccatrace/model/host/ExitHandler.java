package io.ccatrace.model.host;

import io.ccatrace.model.host.HostPolicy.Misbehaviour;

/**
 * What the host does with each REC exit (reference 8.3-8.5): MMIO emulation and shared-page
 * mapping in the unprotected half, on-demand backing of protected RAM, PSCI completion,
 * host calls, timer interrupts, and giving up on a vCPU that cannot make progress.
 */
public final class ExitHandler {
    /** PSCI function IDs as the host sees them in exit.gprs[0] (reference 6.3). */
    static final long PSCI_CPU_SUSPEND = 0xC4000001L, PSCI_CPU_OFF = 0x84000002L,
            PSCI_CPU_ON = 0xC4000003L, PSCI_AFFINITY_INFO = 0xC4000004L,
            PSCI_SYSTEM_OFF = 0x84000008L, PSCI_SYSTEM_RESET = 0x84000009L;
    /** Faults at one page with no progress before the host gives up on the vCPU. */
    static final int STUCK_LIMIT = 3;

    private final HostRealm realm;
    private final RipasChanges ripas;
    private final HostMischief mischief;

    ExitHandler(HostRealm realm) {
        this.realm = realm;
        this.ripas = new RipasChanges(realm);
        this.mischief = new HostMischief(realm);
    }

    void handle(Vcpu v, RecExitView x) {
        misbehave(v);
        mischief.betweenExits(v, x);
        switch (x.reason()) {
            case RecExitView.SYNC:
                if (x.dataAbort() || x.instructionAbort()) abort(v, x);
                break;
            case RecExitView.IRQ:
            case RecExitView.FIQ:
                v.vgic.raise(RealmLayout.INTID_VTIMER);
                break;
            case RecExitView.PSCI:
                psci(v, x);
                break;
            case RecExitView.RIPAS_CHANGE:
                ripas.handle(v, x);
                break;
            case RecExitView.HOST_CALL:
                v.setGpr0(0);
                break;
            default:
                realm.stop("vCPU " + v.index + ": exit reason " + x.reason());
        }
    }

    /** REC_ENTER failed: finish what the host owed, or stop the realm. */
    void enterFailed(Vcpu v, RmiReturn r) {
        if (v.deferredPsci != null) {
            Runnable p = v.deferredPsci;
            v.deferredPsci = null;
            p.run();
            return;
        }
        if (r.status() == RmiReturn.ERROR_REC && realm.policy().has(Misbehaviour.BAD_EMUL_MMIO)) {
            return; // the entry flags were wrong; they are cleared, so the next entry works
        }
        if (r.status() == RmiReturn.ERROR_REALM && r.index() == 1) {
            realm.stop("realm is SYSTEM_OFF");
            return;
        }
        realm.stop("vCPU " + v.index + ": REC_ENTER returned 0x" + Long.toHexString(r.x0()));
    }

    private void abort(Vcpu v, RecExitView x) {
        RealmLayout layout = realm.layout();
        long ipa = x.faultIpa();
        long page = ipa & ~0xFFFL;
        if (layout.isUnprotected(ipa)) {
            unprotected(v, x, ipa, page);
            return;
        }
        if (!layout.isRam(page)) {
            realm.stop("vCPU " + v.index + ": fault at 0x" + Long.toHexString(ipa) + " outside RAM");
            return;
        }
        if (realm.policy().has(Misbehaviour.BAD_EMUL_MMIO) && !realm.injectedBadMmio) {
            realm.injectedBadMmio = true;
            v.entryFlags |= RecRun.EMUL_MMIO;
        }
        HostStage2 s2 = realm.stage2();
        if (!s2.hasData(page) && s2.backRam(page).ok()) {
            v.lastFaultPage = page;
            v.stuckCount = 0;
            return;
        }
        // Already backed (or the RMM refused to back it): nothing the host can do helps.
        v.stuckCount = page == v.lastFaultPage ? v.stuckCount + 1 : 1;
        v.lastFaultPage = page;
        if (v.stuckCount >= STUCK_LIMIT) {
            realm.stop("vCPU " + v.index + " cannot make progress at IPA 0x" + Long.toHexString(ipa));
        }
    }

    private void unprotected(Vcpu v, RecExitView x, long ipa, long page) {
        RealmLayout layout = realm.layout();
        MmioDevices dev = realm.devices();
        if (dev.claims(ipa)) {
            if (!x.dataAbort() || !x.isv()) {
                v.entryFlags |= RecRun.INJECT_SEA;   // not emulatable (reference 13.2)
            } else if (x.write()) {
                int irq = dev.write(ipa, x.gpr(0));
                if (irq >= 0) v.vgic.raise(irq);
                v.entryFlags |= RecRun.EMUL_MMIO;
            } else {
                v.setGpr0(dev.read(ipa));
                v.entryFlags |= RecRun.EMUL_MMIO;
            }
            return;
        }
        if (layout.isRamAlias(page) && realm.stage2().sharedPa(page) == null
                && realm.stage2().mapShared(page).ok()) {
            return; // access retried through the new mapping (reference 13.1 step 7)
        }
        v.entryFlags |= RecRun.INJECT_SEA;
    }

    private void psci(Vcpu v, RecExitView x) {
        long fid = x.gpr(0) & 0xFFFF_FFFFL;
        long fn = fid & 0xFFFF;
        if (fn == (PSCI_CPU_ON & 0xFFFF) || fn == (PSCI_AFFINITY_INFO & 0xFFFF)) {
            Vcpu target = realm.vcpuByMpidr(x.gpr(1));
            if (target == null) return;
            boolean cpuOn = fn == (PSCI_CPU_ON & 0xFFFF);
            Runnable complete = () -> {
                RmiReturn r = realm.rmi().psciComplete(v.rec, target.rec, 0);
                if (r.ok() && cpuOn) target.on = true;
            };
            if (realm.policy().has(Misbehaviour.SKIP_PSCI_COMPLETE) && !realm.skippedPsci) {
                realm.skippedPsci = true;
                v.deferredPsci = complete;
            } else {
                complete.run();
            }
        } else if (fid == PSCI_CPU_OFF) {
            v.on = false;
        } else if (fid == PSCI_SYSTEM_OFF || fid == PSCI_SYSTEM_RESET) {
            if (realm.policy().has(Misbehaviour.ENTER_AFTER_OFF)) {
                realm.rmi().recEnter(v.rec, v.run.pa());
            }
            realm.stop(fid == PSCI_SYSTEM_OFF ? "realm called PSCI SYSTEM_OFF"
                    : "realm called PSCI SYSTEM_RESET");
        }
    }

    /** Host misbehaviours that strike between exits (HostPolicy). */
    private void misbehave(Vcpu v) {
        HostStage2 s2 = realm.stage2();
        RealmLayout layout = realm.layout();
        if (realm.policy().has(Misbehaviour.DESTROY_RAM) && !realm.destroyedRam
                && v.index == 0 && s2.hasData(layout.heapBase()) && realm.policy().armed()) {
            realm.destroyedRam = true;
            s2.destroyData(layout.heapBase());
        }
        if (realm.policy().has(Misbehaviour.NS_PEEK) && v.exits % 64 == 1) {
            Long pa = s2.dataPa(layout.kernel());
            if (pa != null) realm.rmi().read(pa, 64);
        }
    }
}
