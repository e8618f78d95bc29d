package io.ccatrace.model.granule;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Gpt;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.memory.PhysicalMemory;
import java.util.HashMap;
import java.util.Map;

/**
 * The RMM's granule array. {@link #transition} is the single point where granule state
 * changes: it checks the allowed-transition table and the PAS invariant, scrubs granules
 * returning to DELEGATED, and emits GRANULE_STATE events.
 */
public final class GranuleTable {
    private final PhysicalMemory memory;
    private final Gpt gpt;
    private final EventBus bus;
    private final Map<Long, Granule> granules = new HashMap<>();
    private boolean scrubOnDelegated = true;

    public GranuleTable(PhysicalMemory memory, Gpt gpt, EventBus bus) {
        this.memory = memory;
        this.gpt = gpt;
        this.bus = bus;
    }

    /** Seeded-bug hook: a buggy RMM may forget to zero granules it gives back. */
    public void setScrubOnDelegated(boolean scrub) {
        this.scrubOnDelegated = scrub;
    }

    /** Whether pa names a granule the RMM tracks (aligned DRAM): spec `*_align`/`*_bound`. */
    public boolean isValidGranule(long pa) {
        return PhysicalMemory.isGranuleAligned(pa) && memory.isDram(pa);
    }

    /** The granule at pa; pa must satisfy {@link #isValidGranule}. */
    public Granule get(long pa) {
        if (!isValidGranule(pa)) {
            throw new IllegalArgumentException("not a granule: 0x" + Long.toHexString(pa));
        }
        return granules.computeIfAbsent(pa, Granule::new);
    }

    /** State of the granule at pa, or null if pa is not a valid granule address. */
    public GranuleState stateOf(long pa) {
        if (!isValidGranule(pa)) return null;
        Granule g = granules.get(pa);
        return g == null ? GranuleState.UNDELEGATED : g.state();
    }

    /** Whether pa is a valid granule in state s (the common `*_state` guard). */
    public boolean is(long pa, GranuleState s) {
        return stateOf(pa) == s;
    }

    /** Moves a granule to a new state with its content and owner; emits GRANULE_STATE. */
    public void transition(Granule g, GranuleState to, Object content, long owner) {
        GranuleState from = g.state();
        if (!from.successors().contains(to)) {
            throw new IllegalStateException("granule 0x" + Long.toHexString(g.pa())
                    + ": illegal transition " + from + " -> " + to);
        }
        Pas pas = gpt.pasOf(g.pa());
        if (to.requiresRealmPas() != (pas == Pas.REALM)) {
            throw new IllegalStateException("granule 0x" + Long.toHexString(g.pa()) + " in "
                    + to + " with PAS " + pas);
        }
        if (to == GranuleState.DELEGATED && scrubOnDelegated) {
            memory.scrub(g.pa());
        }
        g.set(to, content, owner);
        if (to == GranuleState.UNDELEGATED || to == GranuleState.DELEGATED) {
            g.set(to, null, -1);
        }
        bus.emit(new ModelEvent.GranuleState(bus.seq(), bus.now(), bus.cause(), g.pa(),
                from.name(), to.name(), to == GranuleState.DELEGATED
                        || to == GranuleState.UNDELEGATED ? ModelEvent.NONE : owner));
    }

    /** Number of granules currently in state s (for invariants and statistics). */
    public long count(GranuleState s) {
        return granules.values().stream().filter(g -> g.state() == s).count();
    }

    /** All granules ever touched, for invariant checks. */
    public Iterable<Granule> all() {
        return granules.values();
    }
}
