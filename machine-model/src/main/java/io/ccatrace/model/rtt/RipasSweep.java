package io.ccatrace.model.rtt;

/**
 * The entry loop shared by RTT_INIT_RIPAS and RTT_SET_RIPAS (reference 4.20, 4.21): inside
 * the one table the walk from base reached, entries from base upward, stopping before an
 * entry that would reach past top (blocks are never split), at the first entry the step
 * refuses, or at the end of the table.
 */
public final class RipasSweep {
    /** One entry of the sweep; returns false to stop before changing it. */
    @FunctionalInterface
    public interface Step {
        boolean apply(Rtt t, int i, long entryBase, long entryTop);
    }

    private RipasSweep() {
    }

    /** `base_align`: base must start the entry the walk reached. */
    public static boolean baseAligned(RttWalk w, long base) {
        return RttGeometry.aligned(base, w.level());
    }

    /** Runs the sweep; returns the address after the last processed entry (base if none). */
    public static long run(RttWalk w, long base, long top, Step step) {
        Rtt t = w.table();
        long size = RttGeometry.size(w.level());
        long addr = base;
        for (int i = w.index(); i < RttGeometry.ENTRIES; i++) {
            long end = addr + size;
            if (Long.compareUnsigned(end, top) > 0) break;
            if (!step.apply(t, i, addr, end)) break;
            addr = end;
        }
        return addr;
    }
}
