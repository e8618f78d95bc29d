package io.ccatrace.trace;

/**
 * Read access to one trace row, whatever holds it: an immutable {@link TraceEvent}, or a
 * cursor over a batch of columns that is moved from row to row (so a consumer must copy
 * what it keeps; call {@link #toEvent()} for an immutable copy). Null numeric columns read
 * as {@link TraceEvent#NULL} / {@link TraceEvent#NULL_INT}, null names and arrays as Java
 * null. Name columns return the same String object for equal names within one reader, so
 * comparing with {@code equals} is cheap.
 */
public interface EventView {
    long seq();
    /** Simulated time in nanoseconds since machine start. */
    long time();
    EventKind kind();
    default boolean isInput() { return kind().isInput(); }
    /** Physical CPU, or {@link TraceEvent#NULL_INT}. */
    int cpu();
    /** For effects: the seq of the input this answers, or {@link TraceEvent#NULL}. */
    long causeSeq();
    /** Command name (RMI_*, RSI_*, PSCI_*, UNKNOWN) or guest step op; null if none. */
    String cmd();
    long fid();
    /** Argument registers x1.. (or null). Do not modify; a cursor may reuse the array. */
    long[] args();
    /** Status name (RMI_SUCCESS, RSI_ERROR_INPUT, PSCI_DENIED, ...) or null. */
    String status();
    int index();
    /** Output registers x1.. (RMI/RSI), exit gprs (REC_EXIT), or null. Do not modify. */
    long[] out();
    /** RD physical address of the realm concerned, or {@link TraceEvent#NULL}. */
    long realm();
    /** REC physical address, or {@link TraceEvent#NULL}. */
    long rec();
    long ipa();
    long pa();
    int level();
    /** Previous state name (granule state, PAS, RTT entry state, realm/REC state). */
    String from();
    String to();
    String fromRipas();
    String toRipas();
    String pas();
    String ripas();
    String exitReason();
    long esr();
    long far();
    long hpfar();
    /** READ, WRITE or EXEC. */
    String access();
    /** PROTECTED or UNPROTECTED. */
    String half();
    /** Fault outcome: EXIT_TO_HOST, SEA_INJECTED, NO_PROGRESS, ... */
    String outcome();
    /** Kind-specific scalar (write value, measurement index, host-call imm, ripas_top...). */
    long value();
    /** Access size or length in bytes, or {@link TraceEvent#NULL_INT}. */
    int size();
    /** Bytes an input needs for replay (NS writes, measurement values), or null. Do not modify. */
    byte[] payload();

    /**
     * Length of {@link #payload()} in bytes, or -1 when the row has none; readers that hold
     * the payload in a batch answer without copying it. Do not trust {@link #size()} for this:
     * an imported or edited trace may disagree with itself.
     */
    default int payloadLength() {
        byte[] p = payload();
        return p == null ? -1 : p.length;
    }

    /** An immutable copy of this row (the row itself when it already is one). */
    TraceEvent toEvent();
}
