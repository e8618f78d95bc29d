package io.ccatrace.model.guestos;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.host.RealmLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * One dma_alloc_coherent/dma_free_coherent cycle of a Linux realm driver (reference 13.1):
 * use a few private pages, share them (RIPAS EMPTY with CHANGE_DESTROYED), use them through
 * the top-bit alias and notify the device, then take them back (RIPAS RAM). A rejected
 * take-back leaks the pages, as Linux does when set_memory_encrypted fails.
 */
final class DmaChurn {
    private enum Stage { TOUCH, SHARE, USE, UNSHARE, DONE }

    private final RealmLayout layout;
    private final long base;
    private final int pages;
    private Stage stage = Stage.TOUCH;
    private RipasRequest request;
    private boolean leaked;

    DmaChurn(RealmLayout layout, long base, int pages) {
        this.layout = layout;
        this.base = base;
        this.pages = pages;
    }

    /** The next batch; empty once the cycle is over. */
    List<GuestStep> next() {
        List<GuestStep> batch = new ArrayList<>();
        switch (stage) {
            case TOUCH:
                for (int i = 0; i < pages; i++) batch.add(GuestStep.write(base + 4096L * i, 0xD0 + i));
                request = new RipasRequest(base, top(), RealmCalls.RIPAS_EMPTY, RealmCalls.CHANGE_DESTROYED);
                stage = Stage.SHARE;
                return batch;
            case SHARE:
                if (request.outcome() == RipasRequest.Outcome.PENDING) return List.of(request.step());
                if (request.outcome() != RipasRequest.Outcome.DONE) {
                    stage = Stage.DONE;   // could not share: the driver gives up on this buffer
                    return batch;
                }
                return use(batch);
            case USE:
                return use(batch);
            case UNSHARE:
                if (request.outcome() == RipasRequest.Outcome.PENDING) return List.of(request.step());
                leaked = request.outcome() != RipasRequest.Outcome.DONE;
                stage = Stage.DONE;
                return batch;
            default:
                return batch;
        }
    }

    /** Writes the shared pages through their alias, notifies the device, asks for them back. */
    private List<GuestStep> use(List<GuestStep> batch) {
        for (int i = 0; i < pages; i++) batch.add(GuestStep.write(layout.alias(base + 4096L * i), 0xA5));
        batch.add(mmioWrite(layout.virtioIpa() + RealmLayout.VIRTIO_QUEUE_NOTIFY, 0));
        request = new RipasRequest(base, top(), RealmCalls.RIPAS_RAM, RealmCalls.NO_CHANGE_DESTROYED);
        stage = Stage.UNSHARE;
        return batch;
    }

    void onResult(ModelEvent.RsiCall r) {
        if (request != null && r.fid() == RealmCalls.RSI_IPA_STATE_SET) request.onResult(r);
    }

    boolean done() {
        return stage == Stage.DONE;
    }

    /** Whether the pages stayed shared because the host refused to take them back. */
    boolean leaked() {
        return leaked;
    }

    private long top() {
        return base + 4096L * pages;
    }

    static GuestStep mmioWrite(long ipa, long value) {
        return new GuestStep(GuestStep.Op.WRITE, 0, null, ipa, value, 4, true);
    }

    static GuestStep mmioRead(long ipa) {
        return new GuestStep(GuestStep.Op.READ, 0, null, ipa, 0, 4, true);
    }
}
