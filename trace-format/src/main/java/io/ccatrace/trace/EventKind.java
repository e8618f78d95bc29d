package io.ccatrace.trace;

/**
 * The kinds of trace rows. Inputs are what the outside world did (host RMI calls, host
 * Non-secure memory accesses, guest steps); everything else is an effect of an input.
 * Names are part of the trace contract (see docs/trace-format.md): extend, never rename.
 */
public enum EventKind {
    /** Host issued an RMI SMC; the row also carries the result the host received. Input. */
    RMI_CALL(true),
    /** Host wrote Non-secure memory (payload holds the bytes). Input. */
    NS_WRITE(true),
    /** Host read memory. Input. */
    NS_READ(true),
    /** A guest step queued for a REC (RSI/PSCI call, memory access, interrupt...). Input. */
    GUEST_STEP(true),
    /** A realm SMC (RSI or PSCI) and what the realm received. */
    RSI_CALL(false),
    /** A REC exit to the host. */
    REC_EXIT(false),
    /** A stage-2 fault taken by a realm access. */
    STAGE2_FAULT(false),
    /** A granule protection fault. */
    GPF(false),
    /** The EL3 monitor changed a granule's physical address space. */
    PAS_CHANGE(false),
    /** A granule changed state (UNDELEGATED, DELEGATED, RD, REC, REC_AUX, DATA, RTT). */
    GRANULE_STATE(false),
    /** An RTT entry changed state and/or RIPAS. */
    RTT_ENTRY(false),
    /** A measurement slot (RIM or a REM) was extended. */
    MEASUREMENT(false),
    /** A realm changed lifecycle state (NEW, ACTIVE, SYSTEM_OFF, DESTROYED). */
    REALM_STATE(false),
    /** A REC changed state (READY/RUNNING, RUNNABLE/NOT_RUNNABLE, CREATED/DESTROYED). */
    REC_STATE(false);

    private final boolean input;

    EventKind(boolean input) {
        this.input = input;
    }

    /** Whether rows of this kind are inputs (replay feeds them) rather than effects. */
    public boolean isInput() {
        return input;
    }
}
