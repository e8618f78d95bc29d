package io.ccatrace.model.gpt;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.memory.PhysicalMemory;

/**
 * The EL3 monitor's granule transition service (SMC_RMM_GTSI_DELEGATE / _UNDELEGATE,
 * reference section 14): the only code that changes a GPT entry, and where PAS_CHANGE
 * events come from. Zeroing is the RMM's job (every transition to DELEGATED scrubs).
 */
public final class El3Monitor {
    private final Gpt gpt;
    private final PhysicalMemory memory;
    private final EventBus bus;

    public El3Monitor(Gpt gpt, PhysicalMemory memory, EventBus bus) {
        this.gpt = gpt;
        this.memory = memory;
        this.bus = bus;
    }

    /** NS -> Realm. Returns false (EL3 refuses) unless the granule is NS DRAM. */
    public boolean delegate(long pa) {
        if (!memory.isDram(pa) || gpt.pasOf(pa) != Pas.NS) return false;
        change(pa, Pas.NS, Pas.REALM);
        return true;
    }

    /** Realm -> NS. Returns false (EL3 refuses) unless the granule is Realm DRAM. */
    public boolean undelegate(long pa) {
        if (!memory.isDram(pa) || gpt.pasOf(pa) != Pas.REALM) return false;
        change(pa, Pas.REALM, Pas.NS);
        return true;
    }

    private void change(long pa, Pas from, Pas to) {
        gpt.set(pa, to);
        bus.emit(new ModelEvent.PasChange(bus.seq(), bus.now(), bus.cause(), pa,
                from.name(), to.name()));
    }
}
