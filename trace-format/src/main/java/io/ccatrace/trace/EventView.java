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
    /** {@link #nameId} of a view that has no dictionary: read the name with its String accessor. */
    int NO_NAME_ID = -2;

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

    /**
     * Number of argument registers ({@link #args()}'s length), or -1 when the row has none.
     * With {@link #arg(int)}, reads registers without the array a cursor copies them into.
     */
    default int argCount() {
        long[] a = args();
        return a == null ? -1 : a.length;
    }

    /** Argument register i of {@link #args()} (i from 0, below {@link #argCount()}). */
    default long arg(int i) {
        return args()[i];
    }

    /** Number of output registers ({@link #out()}'s length), or -1 when the row has none. */
    default int outCount() {
        long[] o = out();
        return o == null ? -1 : o.length;
    }

    /** Output register i of {@link #out()} (i from 0, below {@link #outCount()}). */
    default long out(int i) {
        return out()[i];
    }

    /**
     * Copies len bytes of {@link #payload()} from offset from into dst at dstOff (the row
     * must have a payload of at least from + len bytes): a cursor copies straight from its
     * batch, with no intermediate array.
     */
    default void copyPayload(int from, byte[] dst, int dstOff, int len) {
        System.arraycopy(payload(), from, dst, dstOff, len);
    }

    /**
     * The row's value of NAME column c as an index into {@link #nameDictionary}(c), -1 when
     * the name is null, or {@link #NO_NAME_ID} when this view keeps no dictionary (the
     * default): then read the name with its String accessor. Lets a consumer map names to
     * values by id without touching the String objects.
     */
    default int nameId(Column c) {
        return NO_NAME_ID;
    }

    /**
     * The names the ids of {@link #nameId}(c) index (interned; do not modify), or null when
     * this view keeps no dictionary. An id keeps its name for the whole reader; the array
     * object may be replaced by a longer one as names are added.
     */
    default String[] nameDictionary(Column c) {
        return null;
    }

    /** An immutable copy of this row (the row itself when it already is one). */
    TraceEvent toEvent();
}
