package io.ccatrace.model.event;

/**
 * Everything the simulated machine reports: inputs (what the host or a realm did) and
 * effects (what the machine did in answer). Each effect carries {@code causeSeq}, the seq of
 * the input it answers. Events are immutable; arrays passed in must not be modified later.
 *
 * <p>Names of states are carried as strings (the spec's names) so that the event layer does
 * not depend on the model's internal enums.
 */
public sealed interface ModelEvent {
    /** Sentinel for an absent 64-bit value. */
    long NONE = Long.MIN_VALUE;

    long seq();

    /** Simulated time (ns) when the event happened. */
    long time();

    Kind kind();

    /** Event kinds; the names match the trace's kind column. */
    enum Kind {
        RMI_CALL, NS_WRITE, NS_READ, GUEST_STEP, RSI_CALL, REC_EXIT, STAGE2_FAULT, GPF,
        PAS_CHANGE, GRANULE_STATE, RTT_ENTRY, MEASUREMENT, REALM_STATE, REC_STATE
    }

    /** Host RMI SMC with its result: status | (index << 8) in x0, outputs x1... Input. */
    record RmiCall(long seq, long time, int cpu, long fid, String cmd, long[] args,
                   String status, int index, long[] out) implements ModelEvent {
        public Kind kind() { return Kind.RMI_CALL; }
    }

    /** Host write of memory at pa (bytes as written). Input. */
    record NsWrite(long seq, long time, int cpu, long pa, byte[] bytes) implements ModelEvent {
        public Kind kind() { return Kind.NS_WRITE; }
    }

    /**
     * Host read of memory. Input. data holds the bytes the host got (null after a GPF), so a
     * replay can tell when another RMM leaves different bytes behind (e.g. no scrubbing).
     */
    record NsRead(long seq, long time, int cpu, long pa, int len, byte[] data) implements ModelEvent {
        public NsRead(long seq, long time, int cpu, long pa, int len) {
            this(seq, time, cpu, pa, len, null);
        }

        public Kind kind() { return Kind.NS_READ; }
    }

    /**
     * A guest step queued for a REC. op is the script's step name (call, read, write, exec,
     * host_call, wfi, wfe, hvc, irq, fiq); fid/args for calls, ipa/value/size/isv for
     * accesses, value for hvc/host_call immediates, ipa for the host_call buffer. Input.
     */
    record GuestStep(long seq, long time, long rec, String op, long fid, long[] args,
                     long ipa, long value, int size, boolean isv) implements ModelEvent {
        public Kind kind() { return Kind.GUEST_STEP; }
    }

    /** A realm SMC and what the realm received in x0 (ret, status name) and x1.. (out). */
    record RsiCall(long seq, long time, long causeSeq, long realm, long rec, long fid,
                   String cmd, long[] args, long ret, String status, long[] out)
            implements ModelEvent {
        public Kind kind() { return Kind.RSI_CALL; }
    }

    /**
     * A REC exit. gprs are exit.gprs[0..30] (trailing zeros may be trimmed). ripasBase/Top/
     * Value are set for RIPAS_CHANGE, imm for HOST_CALL, NONE otherwise.
     */
    record RecExit(long seq, long time, long causeSeq, long realm, long rec, String reason,
                   long esr, long far, long hpfar, long[] gprs, long ripasBase,
                   long ripasTop, String ripasValue, long imm) implements ModelEvent {
        public Kind kind() { return Kind.REC_EXIT; }
    }

    /** A stage-2 fault on a realm access and how it was resolved. */
    record Stage2Fault(long seq, long time, long causeSeq, long realm, long rec, long ipa,
                       String access, String half, String ripas, String hipas,
                       String outcome) implements ModelEvent {
        public Kind kind() { return Kind.STAGE2_FAULT; }
    }

    /** A granule protection fault (access by a world the GPT does not allow). */
    record Gpf(long seq, long time, long causeSeq, int cpu, long pa, String pas,
               String access) implements ModelEvent {
        public Kind kind() { return Kind.GPF; }
    }

    /** EL3 changed the PAS of the granule at pa. */
    record PasChange(long seq, long time, long causeSeq, long pa, String from, String to)
            implements ModelEvent {
        public Kind kind() { return Kind.PAS_CHANGE; }
    }

    /** Granule state change; realm is the owning RD (NONE when not owned). */
    record GranuleState(long seq, long time, long causeSeq, long pa, String from, String to,
                        long realm) implements ModelEvent {
        public Kind kind() { return Kind.GRANULE_STATE; }
    }

    /**
     * RTT entry change at (realm, ipa, level). States are UNASSIGNED, ASSIGNED,
     * UNASSIGNED_NS, ASSIGNED_NS, TABLE; RIPAS null for non-protected entries. pa is the
     * entry's output address after the change (DATA, block, NS page or next RTT), NONE if none.
     */
    record RttEntry(long seq, long time, long causeSeq, long realm, long ipa, int level,
                    String fromState, String fromRipas, String toState, String toRipas,
                    long pa) implements ModelEvent {
        public Kind kind() { return Kind.RTT_ENTRY; }
    }

    /**
     * Measurement slot extended: index 0 = RIM, 1..4 = REM. what = INIT, DATA, REC, RIPAS,
     * EXTEND. value is the new slot content (hash-length bytes).
     */
    record Measurement(long seq, long time, long causeSeq, long realm, int index,
                       String what, byte[] value) implements ModelEvent {
        public Kind kind() { return Kind.MEASUREMENT; }
    }

    /** Realm lifecycle change: NEW, ACTIVE, SYSTEM_OFF, DESTROYED (from null on create). */
    record RealmState(long seq, long time, long causeSeq, long realm, String from, String to)
            implements ModelEvent {
        public Kind kind() { return Kind.REALM_STATE; }
    }

    /** REC state change (RUNNABLE, NOT_RUNNABLE, RUNNING, DESTROYED, ...). */
    record RecState(long seq, long time, long causeSeq, long realm, long rec, String from,
                    String to) implements ModelEvent {
        public Kind kind() { return Kind.REC_STATE; }
    }
}
