package io.ccatrace.model.scenario;

import io.ccatrace.model.guestos.GuestMisbehaviour;
import io.ccatrace.model.host.HostPolicy.Misbehaviour;
import java.util.Locale;

/**
 * The named misbehaviours `--inject` accepts, host side and realm side. Each is documented
 * (one line here, more in docs/scenarios.md).
 */
public enum Injection {
    DESTROY_RAM(Misbehaviour.DESTROY_RAM, null,
            "host DATA_DESTROYs a RAM page the realm is using (vCPU 0's per-cpu page)"),
    REJECT_RIPAS(Misbehaviour.REJECT_RIPAS, null,
            "host rejects RIPAS changes back to RAM over pages it has mapped as shared"),
    PARTIAL_RIPAS(Misbehaviour.PARTIAL_RIPAS, null,
            "host applies only the first granule of each RIPAS change request"),
    SKIP_PSCI_COMPLETE(Misbehaviour.SKIP_PSCI_COMPLETE, null,
            "host re-enters a REC with a PSCI request pending before RMI_PSCI_COMPLETE"),
    NS_PEEK(Misbehaviour.NS_PEEK, null,
            "host reads a realm DATA granule from the Normal world (granule protection fault)"),
    BAD_EMUL_MMIO(Misbehaviour.BAD_EMUL_MMIO, null,
            "host sets EMUL_MMIO after a protected-IPA fault (REC_ENTER refuses it)"),
    ENTER_AFTER_OFF(Misbehaviour.ENTER_AFTER_OFF, null,
            "host calls REC_ENTER again after the realm's SYSTEM_OFF"),
    LEAK_GRANULE(Misbehaviour.LEAK_GRANULE, null,
            "teardown forgets to undelegate one DATA granule"),
    MAP_NS_PROTECTED(Misbehaviour.MAP_NS_PROTECTED, null,
            "host maps an NS page at a protected IPA with RTT_MAP_UNPROTECTED (drops the unprotected bit)"),
    UNREQUESTED_RIPAS(Misbehaviour.UNREQUESTED_RIPAS, null,
            "host calls RTT_SET_RIPAS on a RAM page the realm did not offer, with no request pending"),
    REC_AFTER_ACTIVATE(Misbehaviour.REC_AFTER_ACTIVATE, null,
            "host creates a REC (hotplugs a vCPU) in the realm after REALM_ACTIVATE"),
    WRONG_MPIDR(Misbehaviour.WRONG_MPIDR, null,
            "host first creates the last vCPU's REC with the MPIDR of index + 1, then the right one"),
    PEEK_FREED(Misbehaviour.PEEK_FREED, null,
            "teardown reads back realm DATA granules right after undelegating them"),
    TOUCH_EMPTY(null, GuestMisbehaviour.TOUCH_EMPTY,
            "realm touches a protected IPA it never set to RAM (SEA, then the realm panics)"),
    MMIO_NO_ISV(null, GuestMisbehaviour.MMIO_NO_ISV,
            "realm does a load pair from the virtio device (not emulatable: host injects an SEA)"),
    BAD_RSI_ARGS(null, GuestMisbehaviour.BAD_RSI_ARGS,
            "realm makes malformed RSI calls (bad RIPAS, unaligned range, bad REM index or size)"),
    UNKNOWN_SMC(null, GuestMisbehaviour.UNKNOWN_SMC,
            "realm makes an SMC with an unknown function ID and an HVC");

    private final Misbehaviour host;
    private final GuestMisbehaviour guest;
    private final String description;

    Injection(Misbehaviour host, GuestMisbehaviour guest, String description) {
        this.host = host;
        this.guest = guest;
        this.description = description;
    }

    /** The command-line name, e.g. destroy-ram. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Injection byName(String name) {
        for (Injection i : values()) {
            if (i.cliName().equals(name)) return i;
        }
        return null;
    }

    public Misbehaviour host() { return host; }
    public GuestMisbehaviour guest() { return guest; }
    public String description() { return description; }
}
