package io.ccatrace.model.granule;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Gpt;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.memory.BankIndex;
import io.ccatrace.model.memory.PhysicalMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The RMM's granule array. {@link #transition} is the single point where granule state
 * changes: it checks the allowed-transition table and the PAS invariant, scrubs granules
 * returning to DELEGATED, and emits GRANULE_STATE events.
 */
public final class GranuleTable {
    private final PhysicalMemory memory;
    private final Gpt gpt;
    private final EventBus bus;
    /** Per DRAM bank, indexed by granule: the record, created when first asked for. */
    private final Granule[][] granules;
    private boolean scrubOnDelegated = true;

    public GranuleTable(PhysicalMemory memory, Gpt gpt, EventBus bus) {
        this.memory = memory;
        this.gpt = gpt;
        this.bus = bus;
        BankIndex index = new BankIndex(memory.banks());
        this.granules = new Granule[index.banks()][];
        for (int b = 0; b < granules.length; b++) granules[b] = new Granule[index.granules(b)];
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
        int b = PhysicalMemory.isGranuleAligned(pa) ? memory.bankOf(pa) : -1;
        if (b < 0) throw new IllegalArgumentException("not a granule: 0x" + Long.toHexString(pa));
        Granule[] bank = granules[b];
        int i = memory.granuleIndex(b, pa);
        Granule g = bank[i];
        if (g == null) {
            g = new Granule(pa);
            bank[i] = g;
        }
        return g;
    }

    /** State of the granule at pa, or null if pa is not a valid granule address. */
    public GranuleState stateOf(long pa) {
        int b = PhysicalMemory.isGranuleAligned(pa) ? memory.bankOf(pa) : -1;
        if (b < 0) return null;
        Granule g = granules[b][memory.granuleIndex(b, pa)];
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
        long n = 0;
        for (Granule g : all()) {
            if (g.state() == s) n++;
        }
        return n;
    }

    /** All granules ever touched, in address order, for invariant checks. */
    public Iterable<Granule> all() {
        List<Granule> touched = new ArrayList<>();
        for (Granule[] bank : granules) {
            for (Granule g : bank) {
                if (g != null) touched.add(g);
            }
        }
        return touched;
    }
}
