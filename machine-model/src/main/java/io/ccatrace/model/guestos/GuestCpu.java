package io.ccatrace.model.guestos;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.host.RealmLayout;
import io.ccatrace.model.host.RecParamsImage;
import java.util.ArrayList;
import java.util.List;

/**
 * What one vCPU of a Linux-like realm does, as a program of batches of guest steps. The boot
 * vCPU: RSI_VERSION and PSCI discovery, RSI_REALM_CONFIG, IPA_STATE_SET of all RAM to RAM,
 * a REM extension and an attestation token round trip, sharing the swiotlb bounce buffers,
 * CPU_ON of the secondaries, steady work, then AFFINITY_INFO until the secondaries are off
 * and SYSTEM_OFF. A secondary: steady work, then CPU_OFF. Any SEA makes it panic (Linux
 * panics on an external abort in the kernel), which ends in SYSTEM_RESET.
 */
final class GuestCpu {
    private enum Phase { BOOT, CONFIG, RAM, MEASURE, TOKEN, SWIOTLB, SMP, STEADY, STOPPING, OFF, PANIC }

    private final GuestOs os;
    private final int index;
    private final long rec;
    private final Workload work;
    private Phase phase;
    private ModelEvent.RsiCall last;
    private RipasRequest request;
    private long tokenOffset;
    private int nextSecondary = 1;
    private int misbehaved;
    long callsQueued;
    long callsSeen;

    GuestCpu(GuestOs os, int index, long rec, Workload work) {
        this.os = os;
        this.index = index;
        this.rec = rec;
        this.work = work;
        this.phase = index == 0 ? Phase.BOOT : Phase.STEADY;
    }

    long rec() {
        return rec;
    }

    void onRsiCall(ModelEvent.RsiCall e) {
        callsSeen++;
        last = e;
        if (request != null && e.fid() == RealmCalls.RSI_IPA_STATE_SET) request.onResult(e);
        work.onResult(e);
    }

    /** An SEA reached the kernel: panic. */
    void onSea() {
        if (phase != Phase.OFF) phase = Phase.PANIC;
    }

    /** The next batch of steps; empty when the vCPU idles. */
    List<GuestStep> next() {
        RealmLayout l = os.layout();
        switch (phase) {
            case BOOT:
                phase = Phase.CONFIG;
                return List.of(GuestStep.call(RealmCalls.RSI_VERSION, RealmCalls.RSI_ABI_1_0),
                        GuestStep.call(RealmCalls.SMCCC_VERSION),
                        GuestStep.call(RealmCalls.PSCI_VERSION),
                        GuestStep.call(RealmCalls.PSCI_FEATURES, RealmCalls.PSCI_CPU_ON),
                        GuestStep.call(RealmCalls.RSI_REALM_CONFIG, l.configPage()));
            case CONFIG:
                if (last == null || last.ret() != RealmCalls.RSI_SUCCESS) return panic();
                request = new RipasRequest(l.ramBase(), l.ramTop(), RealmCalls.RIPAS_RAM,
                        RealmCalls.NO_CHANGE_DESTROYED);
                phase = Phase.RAM;
                return List.of(GuestStep.read(l.configPage()), request.step());
            case RAM:
                return ripasPhase(Phase.MEASURE);
            case MEASURE:
                phase = Phase.TOKEN;
                long[] init = new long[8];
                for (int i = 0; i < 8; i++) init[i] = 0x6368616c6c656e67L + i + os.realmId();
                return List.of(GuestStep.call(RealmCalls.RSI_MEASUREMENT_EXTEND, 1, 32,
                                0x696e697472616d66L, 0x73, 0, 0),
                        GuestStep.call(RealmCalls.RSI_ATTESTATION_TOKEN_INIT, init));
            case TOKEN:
                return token();
            case SWIOTLB:
                return ripasPhase(Phase.SMP);
            case SMP:
                return startSecondaries();
            case STEADY:
                return steady();
            case STOPPING:
                return stopSecondaries();
            case PANIC:
                phase = Phase.OFF;
                return List.of(GuestStep.call(RealmCalls.PSCI_SYSTEM_RESET));
            default:
                return List.of();
        }
    }

    private List<GuestStep> ripasPhase(Phase after) {
        switch (request.outcome()) {
            case PENDING:
                return List.of(request.step());
            case DONE:
                request = null;
                phase = after;
                return next();
            default:
                return panic();   // Linux: "Failed to set memory range" is fatal at boot
        }
    }

    private List<GuestStep> token() {
        RealmLayout l = os.layout();
        if (last == null || (last.ret() != RealmCalls.RSI_SUCCESS && last.ret() != RealmCalls.RSI_INCOMPLETE)) {
            return panic();
        }
        if (last.fid() == RealmCalls.RSI_ATTESTATION_TOKEN_CONTINUE) {
            tokenOffset = (tokenOffset + (last.out().length > 0 ? last.out()[0] : 0)) % 4096;
            if (last.ret() == RealmCalls.RSI_SUCCESS) {
                request = new RipasRequest(l.swiotlbBase(), l.swiotlbTop(), RealmCalls.RIPAS_EMPTY,
                        RealmCalls.CHANGE_DESTROYED);
                phase = Phase.SWIOTLB;
                return List.of(GuestStep.read(l.tokenPage()), request.step());
            }
        }
        return List.of(GuestStep.call(RealmCalls.RSI_ATTESTATION_TOKEN_CONTINUE, l.tokenPage(),
                tokenOffset, 4096 - tokenOffset));
    }

    private List<GuestStep> startSecondaries() {
        List<GuestStep> b = new ArrayList<>();
        for (int i = 1; i < os.cpus(); i++) {
            b.add(GuestStep.call(RealmCalls.PSCI_CPU_ON, RecParamsImage.mpidr(i), os.layout().kernel(), i));
        }
        phase = Phase.STEADY;
        if (b.isEmpty()) return steady();
        return b;
    }

    private List<GuestStep> steady() {
        List<GuestStep> inject = os.misbehaviour(this, misbehaved);
        if (!inject.isEmpty()) {
            misbehaved++;
            return inject;
        }
        if (work.inProgress() || os.budget().more(os.realmId(), index, work.units())) return work.next();
        if (index != 0) {
            phase = Phase.OFF;
            return List.of(GuestStep.call(RealmCalls.PSCI_CPU_OFF));
        }
        phase = Phase.STOPPING;
        last = null;
        return stopSecondaries();
    }

    /** AFFINITY_INFO for each secondary until it reports OFF, then SYSTEM_OFF. */
    private List<GuestStep> stopSecondaries() {
        if (last != null && last.fid() == RealmCalls.PSCI_AFFINITY_INFO) {
            if (last.ret() == RealmCalls.AFFINITY_OFF) nextSecondary++;
            last = null;
            if (nextSecondary < os.cpus()) return List.of(GuestStep.of(GuestStep.Op.WFI));
        }
        if (nextSecondary < os.cpus()) {
            return List.of(GuestStep.call(RealmCalls.PSCI_AFFINITY_INFO, RecParamsImage.mpidr(nextSecondary), 0));
        }
        phase = Phase.OFF;
        return List.of(GuestStep.call(RealmCalls.PSCI_SYSTEM_OFF));
    }

    private List<GuestStep> panic() {
        phase = Phase.OFF;
        return List.of(GuestStep.call(RealmCalls.PSCI_SYSTEM_RESET));
    }

    int index() {
        return index;
    }

    Workload work() {
        return work;
    }
}
