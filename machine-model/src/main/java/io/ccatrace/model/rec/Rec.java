package io.ccatrace.model.rec;

/**
 * A Realm Execution Context (content of a REC granule): the vCPU's registers and the
 * RMM's per-REC bookkeeping (reference 7.3). Entry/exit handling mutates it; lifecycle
 * changes that are visible in the trace go through {@link RecLifecycle}.
 */
public final class Rec {
    private final long pa;
    private final long rd;
    private final int index;
    private final long mpidr;
    private final long[] aux;

    boolean runnable;
    boolean running;

    /** x0..x30. */
    public final long[] gprs = new long[31];
    /**
     * Scratch for the RMM's decoding of RecRun.enter on each RMI_REC_ENTER of this REC
     * (gprs, GIC list registers): read at entry, used until the exit is written.
     */
    public final long[] enterGprs = new long[RecRunEnter.NUM_GPRS], enterLrs = new long[RecRunEnter.NUM_LRS];
    public long pc;

    /** PSCI request waiting for RMI_PSCI_COMPLETE: the FID, else 0. */
    public long psciPendingFid;
    /** Arguments of the pending PSCI request (x1..x3). */
    public final long[] psciArgs = new long[3];

    /** IPA of the RsiHostCall of a pending host call, or -1. */
    public long hostCallIpa = -1;

    /** Pending RIPAS change request (RSI_IPA_STATE_SET), valid when ripasTop != 0. */
    public long ripasBase;
    public long ripasTop;
    public long ripasAddr;
    public int ripasValue;
    public boolean ripasChangeDestroyed;

    /** Syndrome of the last exit: decides whether EMUL_MMIO / INJECT_SEA are legal. */
    public long lastEsr;
    public long lastFar;
    public long lastHpfar;
    /** Whether the last exit was a data abort at an Unprotected IPA. */
    public boolean lastExitUnprotectedAbort;
    /** Whether the last exit was an emulatable data abort (Unprotected, ISV = 1). */
    public boolean lastExitEmulatable;

    /** Attestation: challenge of the token in progress, or null when idle. */
    public byte[] attestChallenge;
    /** Bytes of the token being returned, and how many were handed out so far. */
    public byte[] attestToken;
    public int attestOffset;

    /** A realm SMC that exited to the host and completes on the next entry (RSI_CALL then). */
    public PendingCall pendingCall = PendingCall.NONE;

    /** Opaque per-REC state of the guest model (queued steps); owned by the executor. */
    public Object guest;

    public Rec(long pa, long rd, int index, long mpidr, long[] aux, boolean runnable) {
        this.pa = pa;
        this.rd = rd;
        this.index = index;
        this.mpidr = mpidr;
        this.aux = aux.clone();
        this.runnable = runnable;
    }

    public long pa() { return pa; }
    public long rd() { return rd; }
    public int index() { return index; }
    public long mpidr() { return mpidr; }
    public long[] aux() { return aux.clone(); }
    public boolean runnable() { return runnable; }
    public boolean running() { return running; }

    public boolean ripasPending() {
        return ripasTop != 0;
    }
}
