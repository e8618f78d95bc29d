package io.ccatrace.model.guestos;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.host.RealmLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The steady-phase work of one realm vCPU: each call returns the next batch of guest steps,
 * drawn from the scenario's {@link WorkMix}. The kernel heap is split in two: the lower
 * half is ordinary memory the vCPUs touch (first touches fault to the host, which backs
 * them), the upper half holds per-vCPU DMA slots that are shared and taken back.
 */
final class Workload {
    static final int DMA_SLOT_PAGES = 4;

    private final RealmLayout layout;
    private final int cpu;
    private final int cpus;
    private final WorkMix mix;
    private final SplittableRandom rng;
    private final TreeSet<Long> leakedSlots = new TreeSet<>();
    private List<GuestStep> followUp;
    private DmaChurn churn;
    private long churnBase;
    private long units;

    Workload(RealmLayout layout, int cpu, int cpus, WorkMix mix, SplittableRandom rng) {
        this.layout = layout;
        this.cpu = cpu;
        this.cpus = cpus;
        this.mix = mix;
        this.rng = rng;
    }

    /** Whether a multi-batch unit is half done (the vCPU finishes it before stopping). */
    boolean inProgress() {
        return followUp != null || churn != null;
    }

    long units() {
        return units;
    }

    List<GuestStep> next() {
        if (churn != null) {
            List<GuestStep> b = churn.next();
            if (churn.done()) {
                if (churn.leaked()) leakedSlots.add(churnBase);
                churn = null;
            }
            if (!b.isEmpty()) return b;
        }
        if (followUp != null) {
            List<GuestStep> b = followUp;
            followUp = null;
            return b;
        }
        units++;
        return unit(mix.pick(rng));
    }

    void onResult(ModelEvent.RsiCall r) {
        if (churn != null) churn.onResult(r);
    }

    private List<GuestStep> unit(WorkMix.Unit u) {
        List<GuestStep> b = new ArrayList<>();
        switch (u) {
            case TOUCH:
                b.add(GuestStep.write(hotPage(), units));
                for (int i = rng.nextInt(1, 4); i > 0; i--) {
                    long p = touchPage();
                    b.add(rng.nextBoolean() ? GuestStep.read(p) : GuestStep.write(p, rng.nextLong()));
                }
                break;
            case UART:
                for (int i = rng.nextInt(1, 4); i > 0; i--) {
                    b.add(new GuestStep(GuestStep.Op.WRITE, 0, null, layout.uartIpa(), 'a' + rng.nextInt(26), 1, true));
                }
                break;
            case VIRTIO:
                long bounce = layout.alias(layout.swiotlbBase() + 4096L * rng.nextInt(RealmLayout.SWIOTLB_PAGES));
                b.add(GuestStep.write(bounce, rng.nextLong()));
                b.add(DmaChurn.mmioWrite(layout.virtioIpa() + RealmLayout.VIRTIO_QUEUE_NOTIFY, 0));
                followUp = List.of(DmaChurn.mmioRead(layout.virtioIpa() + RealmLayout.VIRTIO_INTERRUPT_STATUS),
                        DmaChurn.mmioWrite(layout.virtioIpa() + RealmLayout.VIRTIO_INTERRUPT_ACK, 1),
                        GuestStep.read(bounce));
                break;
            case HOST_CALL:
                b.add(GuestStep.hostCall(0x100 + (units & 0xFF), layout.hostCallPage() + 0x100L * (cpu % 16)));
                break;
            case MEASURE:
                b.add(GuestStep.call(RealmCalls.RSI_MEASUREMENT_EXTEND, 1 + rng.nextInt(4), 8, rng.nextLong()));
                break;
            case IPA_GET:
                long p = touchPage();
                b.add(GuestStep.call(RealmCalls.RSI_IPA_STATE_GET, p, p + 4096));
                break;
            case DMA_CHURN:
                long slot = dmaSlot();
                if (slot >= 0) {
                    churnBase = slot;
                    churn = new DmaChurn(layout, slot, DMA_SLOT_PAGES);
                    return churn.next();
                }
                b.add(GuestStep.of(GuestStep.Op.WFI));
                break;
            default:
                b.add(GuestStep.of(GuestStep.Op.WFI));
        }
        return b;
    }

    /** This vCPU's per-cpu page: touched in every TOUCH unit. */
    long hotPage() {
        return layout.heapBase() + 4096L * cpu;
    }

    private long heapMid() {
        return layout.heapBase() + ((layout.heapTop() - layout.heapBase()) / 2 & ~0xFFFL);
    }

    private long touchPage() {
        long pages = (heapMid() - layout.heapBase()) / 4096;
        return layout.heapBase() + 4096L * rng.nextLong(pages);
    }

    /** A DMA slot of this vCPU that was not leaked, or -1. */
    private long dmaSlot() {
        long slots = (layout.heapTop() - heapMid()) / (4096L * DMA_SLOT_PAGES);
        long mine = (slots - cpu + cpus - 1) / cpus;
        if (mine <= 0) return -1;
        for (int tries = 0; tries < 4; tries++) {
            long s = cpu + (long) cpus * rng.nextLong(mine);
            long base = heapMid() + s * 4096L * DMA_SLOT_PAGES;
            if (!leakedSlots.contains(base)) return base;
        }
        return -1;
    }
}
