package io.ccatrace.model.scenario;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.guestos.Budget;
import java.util.function.LongSupplier;

/**
 * The steady-phase budget. Without a target every vCPU does a fixed number of work units
 * (the scenario's natural length); with --events N the realms keep working until the
 * machine has produced about N events minus what shutting down and tearing down will add.
 */
final class EventBudget implements Budget {
    static final int NATURAL_UNITS = 12;

    private final EventBus bus;
    private final long target;
    private final LongSupplier teardownEstimate;

    EventBudget(EventBus bus, long target, LongSupplier teardownEstimate) {
        this.bus = bus;
        this.target = target;
        this.teardownEstimate = teardownEstimate;
    }

    @Override
    public boolean more(int realm, int vcpu, long unitsDone) {
        if (target == 0) return unitsDone < NATURAL_UNITS + 8L * realm;  // VMs live different lengths
        return bus.peekSeq() + teardownEstimate.getAsLong() < target;
    }

    @Override
    public boolean armed() {
        return target == 0 || bus.peekSeq() >= target / 10 * 8;
    }

    /** Whether the steady phase is still on (for the hostile host). */
    boolean open(long hostileActions) {
        if (target == 0) return hostileActions < 400;
        return bus.peekSeq() + teardownEstimate.getAsLong() < target;
    }
}
