package io.ccatrace.model.host;

import java.util.ArrayDeque;

/**
 * The host's virtual GIC for one vCPU: interrupts waiting to be delivered, presented to the
 * realm through the GIC list registers of RecRun.enter (reference 4.22 GIC checks, 9.3).
 */
public final class Vgic {
    /** ICH_LR_EL2: State = pending (bits 63:62 = 01), Group 1 (bit 60), priority 0xA0. */
    static final long LR_PENDING = 1L << 62, LR_GROUP1 = 1L << 60, LR_PRIORITY = 0xA0L << 48;

    private final int numLrs;
    private final ArrayDeque<Integer> pending = new ArrayDeque<>();
    private final long[] entryLrs;

    public Vgic(int numLrs) {
        this.numLrs = Math.max(1, numLrs);
        this.entryLrs = new long[this.numLrs];
    }

    /** Raises a virtual interrupt (once: an INTID already waiting is not queued twice). */
    public void raise(int intid) {
        if (!pending.contains(intid)) pending.addLast(intid);
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * List registers for the next entry: up to numLrs waiting interrupts, each once. The
     * array is this vGIC's own, refilled by every call: read it before the next one.
     */
    public long[] nextEntryLrs() {
        long[] lrs = entryLrs;
        for (int i = 0; i < numLrs; i++) {
            lrs[i] = pending.isEmpty() ? 0 : LR_PENDING | LR_GROUP1 | LR_PRIORITY | pending.pollFirst();
        }
        return lrs;
    }
}
