package io.ccatrace.model.rtt;

/**
 * RTT_INIT_RIPAS per-entry rule (reference 4.20): UNASSIGNED EMPTY becomes UNASSIGNED RAM,
 * UNASSIGNED RAM stays, anything else stops the sweep; every processed entry is measured
 * over its own range [entryBase, entryTop).
 */
public final class RipasInit implements RipasSweep.Step {
    /** Receives the range of each processed entry, in order (the RIM extension). */
    @FunctionalInterface
    public interface Measure {
        void entry(long base, long top);
    }

    private final RttEntries entries;
    private final Measure measure;

    public RipasInit(RttEntries entries, Measure measure) {
        this.entries = entries;
        this.measure = measure;
    }

    @Override
    public boolean apply(Rtt t, int i, long entryBase, long entryTop) {
        if (t.state(i) != RttState.UNASSIGNED || t.ripas(i) == Ripas.DESTROYED) return false;
        entries.set(t, i, RttState.UNASSIGNED, Ripas.RAM, 0, 0);
        measure.entry(entryBase, entryTop);
        return true;
    }
}
