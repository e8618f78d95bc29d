package io.ccatrace.model.host;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * How the host deviates from a correct KVM-like host. Each switch is one named
 * misbehaviour (docs/scenarios.md, "Injections"); an empty set is a correct host.
 */
public final class HostPolicy {
    /** The host misbehaviours. */
    public enum Misbehaviour {
        /** DATA_DESTROY of a RAM page the realm uses, while it runs (a broken balloon). */
        DESTROY_RAM,
        /** Refuse RIPAS changes to RAM over pages the host has mapped as shared. */
        REJECT_RIPAS,
        /** Apply only the first granule of each RIPAS change request. */
        PARTIAL_RIPAS,
        /** Re-enter a REC that made a PSCI request before completing it. */
        SKIP_PSCI_COMPLETE,
        /** Read a realm DATA granule from the host (a GPF). */
        NS_PEEK,
        /** Set EMUL_MMIO after a fault that is not an emulatable MMIO access. */
        BAD_EMUL_MMIO,
        /** REC_ENTER after the realm turned itself off. */
        ENTER_AFTER_OFF,
        /** Teardown forgets to undelegate one DATA granule. */
        LEAK_GRANULE,
        /** Map an NS page at a protected IPA (RTT_MAP_UNPROTECTED without the unprotected bit). */
        MAP_NS_PROTECTED,
        /** RTT_SET_RIPAS after activation with no RIPAS change request of the realm pending. */
        UNREQUESTED_RIPAS,
        /** REC_CREATE after activation (vCPU hotplug into a running realm). */
        REC_AFTER_ACTIVATE,
        /** REC_CREATE with an MPIDR that is not the next REC index, then the right one. */
        WRONG_MPIDR,
        /** Teardown reads back realm DATA granules it has just undelegated. */
        PEEK_FREED
    }

    private final Set<Misbehaviour> on;
    private final BooleanSupplier armed;

    /** armed says when one-shot misbehaviours may strike (late in a long recording). */
    public HostPolicy(Set<Misbehaviour> on, BooleanSupplier armed) {
        this.on = on.isEmpty() ? EnumSet.noneOf(Misbehaviour.class) : EnumSet.copyOf(on);
        this.armed = armed;
    }

    public static HostPolicy correct() {
        return new HostPolicy(EnumSet.noneOf(Misbehaviour.class), () -> true);
    }

    public boolean armed() {
        return armed.getAsBoolean();
    }

    public boolean has(Misbehaviour m) {
        return on.contains(m);
    }
}
