package io.ccatrace.model.guestos;

/** Named realm-software misbehaviours (docs/scenarios.md, "Injections"). */
public enum GuestMisbehaviour {
    /** Touch a protected IPA the realm never set to RAM (RIPAS EMPTY): an SEA, then a panic. */
    TOUCH_EMPTY,
    /** A load pair (no ISV) from the virtio device: not emulatable, the host injects an SEA. */
    MMIO_NO_ISV,
    /** Malformed RSI calls: bad RIPAS value, unaligned range, REM index 0, oversized extend. */
    BAD_RSI_ARGS,
    /** An SMC with an unknown function ID and an HVC. */
    UNKNOWN_SMC
}
