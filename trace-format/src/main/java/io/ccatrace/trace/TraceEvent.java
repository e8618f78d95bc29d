package io.ccatrace.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * One trace row: the flat, format-independent form of an event. Every column of the
 * schema (docs/trace-format.md) is a field here. Numeric columns that may be null use the
 * sentinels {@link #NULL} (64-bit) and {@link #NULL_INT} (small ints); reference columns use
 * Java null. Immutable; build with {@link #builder(long, EventKind)}.
 */
public final class TraceEvent implements EventView {
    /** Null marker for nullable 64-bit columns (realm, rec, ipa, pa, fid, cause_seq, ...). */
    public static final long NULL = Long.MIN_VALUE;
    /** Null marker for nullable small integer columns (cpu, index, level, size). */
    public static final int NULL_INT = Integer.MIN_VALUE;

    private final long seq;
    private final long time;
    private final EventKind kind;
    private final int cpu;
    private final long causeSeq;
    private final String cmd;
    private final long fid;
    private final long[] args;
    private final String status;
    private final int index;
    private final long[] out;
    private final long realm;
    private final long rec;
    private final long ipa;
    private final long pa;
    private final int level;
    private final String from;
    private final String to;
    private final String fromRipas;
    private final String toRipas;
    private final String pas;
    private final String ripas;
    private final String exitReason;
    private final long esr;
    private final long far;
    private final long hpfar;
    private final String access;
    private final String half;
    private final String outcome;
    private final long value;
    private final int size;
    private final byte[] payload;

    private TraceEvent(Builder b) {
        seq = b.seq;
        time = b.time;
        kind = Objects.requireNonNull(b.kind, "kind");
        cpu = b.cpu;
        causeSeq = b.causeSeq;
        cmd = b.cmd;
        fid = b.fid;
        args = b.args;
        status = b.status;
        index = b.index;
        out = b.out;
        realm = b.realm;
        rec = b.rec;
        ipa = b.ipa;
        pa = b.pa;
        level = b.level;
        from = b.from;
        to = b.to;
        fromRipas = b.fromRipas;
        toRipas = b.toRipas;
        pas = b.pas;
        ripas = b.ripas;
        exitReason = b.exitReason;
        esr = b.esr;
        far = b.far;
        hpfar = b.hpfar;
        access = b.access;
        half = b.half;
        outcome = b.outcome;
        value = b.value;
        size = b.size;
        payload = b.payload;
    }

    public static Builder builder(long seq, EventKind kind) {
        return new Builder(seq, kind);
    }

    /** A builder pre-filled with every column of this row. */
    public Builder toBuilder() {
        return builderOf(this);
    }

    /**
     * A builder pre-filled with every column of a row, arrays by reference: a caller copying
     * a reused view (a cursor) must replace args/out/payload by copies it owns.
     */
    public static Builder builderOf(EventView v) {
        Builder b = new Builder(v.seq(), v.kind());
        b.time = v.time(); b.cpu = v.cpu(); b.causeSeq = v.causeSeq(); b.cmd = v.cmd(); b.fid = v.fid();
        b.args = v.args(); b.status = v.status(); b.index = v.index(); b.out = v.out(); b.realm = v.realm();
        b.rec = v.rec(); b.ipa = v.ipa(); b.pa = v.pa(); b.level = v.level(); b.from = v.from(); b.to = v.to();
        b.fromRipas = v.fromRipas(); b.toRipas = v.toRipas(); b.pas = v.pas(); b.ripas = v.ripas();
        b.exitReason = v.exitReason(); b.esr = v.esr(); b.far = v.far(); b.hpfar = v.hpfar();
        b.access = v.access(); b.half = v.half(); b.outcome = v.outcome(); b.value = v.value();
        b.size = v.size(); b.payload = v.payload();
        return b;
    }

    @Override public long seq() { return seq; }
    /** Simulated time in nanoseconds since machine start. */
    @Override public long time() { return time; }
    @Override public EventKind kind() { return kind; }
    @Override public boolean isInput() { return kind.isInput(); }
    /** Physical CPU, or {@link #NULL_INT}. */
    @Override public int cpu() { return cpu; }
    /** For effects: the seq of the input this answers, or {@link #NULL}. */
    @Override public long causeSeq() { return causeSeq; }
    /** Command name (RMI_*, RSI_*, PSCI_*, UNKNOWN) or guest step op; null if none. */
    @Override public String cmd() { return cmd; }
    @Override public long fid() { return fid; }
    /** Argument registers x1.. (or null). Do not modify. */
    @Override public long[] args() { return args; }
    /** Status name (RMI_SUCCESS, RSI_ERROR_INPUT, PSCI_DENIED, ...) or null. */
    @Override public String status() { return status; }
    @Override public int index() { return index; }
    /** Output registers x1.. (RMI/RSI), exit gprs (REC_EXIT), or null. Do not modify. */
    @Override public long[] out() { return out; }
    /** RD physical address of the realm concerned, or {@link #NULL}. */
    @Override public long realm() { return realm; }
    /** REC physical address, or {@link #NULL}. */
    @Override public long rec() { return rec; }
    @Override public long ipa() { return ipa; }
    @Override public long pa() { return pa; }
    @Override public int level() { return level; }
    /** Previous state name (granule state, PAS, RTT entry state, realm/REC state). */
    @Override public String from() { return from; }
    @Override public String to() { return to; }
    @Override public String fromRipas() { return fromRipas; }
    @Override public String toRipas() { return toRipas; }
    @Override public String pas() { return pas; }
    @Override public String ripas() { return ripas; }
    @Override public String exitReason() { return exitReason; }
    @Override public long esr() { return esr; }
    @Override public long far() { return far; }
    @Override public long hpfar() { return hpfar; }
    /** READ, WRITE or EXEC. */
    @Override public String access() { return access; }
    /** PROTECTED or UNPROTECTED. */
    @Override public String half() { return half; }
    /** Fault outcome: EXIT_TO_HOST, SEA_INJECTED, NO_PROGRESS, ... */
    @Override public String outcome() { return outcome; }
    /** Kind-specific scalar (write value, measurement index, host-call imm, ripas_top...). */
    @Override public long value() { return value; }
    /** Access size or length in bytes, or {@link #NULL_INT}. */
    @Override public int size() { return size; }
    /** Bytes an input needs for replay (NS writes, measurement values), or null. Do not modify. */
    @Override public byte[] payload() { return payload; }

    @Override public TraceEvent toEvent() { return this; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof TraceEvent)) return false;
        TraceEvent e = (TraceEvent) o;
        return seq == e.seq && time == e.time && kind == e.kind && cpu == e.cpu
                && causeSeq == e.causeSeq && fid == e.fid && index == e.index
                && realm == e.realm && rec == e.rec && ipa == e.ipa && pa == e.pa
                && level == e.level && esr == e.esr && far == e.far && hpfar == e.hpfar
                && value == e.value && size == e.size
                && Objects.equals(cmd, e.cmd) && Objects.equals(status, e.status)
                && Objects.equals(from, e.from) && Objects.equals(to, e.to)
                && Objects.equals(fromRipas, e.fromRipas) && Objects.equals(toRipas, e.toRipas)
                && Objects.equals(pas, e.pas) && Objects.equals(ripas, e.ripas)
                && Objects.equals(exitReason, e.exitReason) && Objects.equals(access, e.access)
                && Objects.equals(half, e.half) && Objects.equals(outcome, e.outcome)
                && Arrays.equals(args, e.args) && Arrays.equals(out, e.out)
                && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, kind, cmd, status, realm, rec, ipa, pa);
    }

    @Override
    public String toString() {
        return "TraceEvent{seq=" + seq + ", kind=" + kind + (cmd != null ? ", cmd=" + cmd : "")
                + (status != null ? ", status=" + status : "") + "}";
    }

    /** Mutable builder; every column defaults to null. */
    public static final class Builder {
        private final long seq;
        private final EventKind kind;
        private long time;
        private int cpu = NULL_INT;
        private long causeSeq = NULL;
        private String cmd;
        private long fid = NULL;
        private long[] args;
        private String status;
        private int index = NULL_INT;
        private long[] out;
        private long realm = NULL;
        private long rec = NULL;
        private long ipa = NULL;
        private long pa = NULL;
        private int level = NULL_INT;
        private String from;
        private String to;
        private String fromRipas;
        private String toRipas;
        private String pas;
        private String ripas;
        private String exitReason;
        private long esr = NULL;
        private long far = NULL;
        private long hpfar = NULL;
        private String access;
        private String half;
        private String outcome;
        private long value = NULL;
        private int size = NULL_INT;
        private byte[] payload;

        private Builder(long seq, EventKind kind) {
            this.seq = seq;
            this.kind = kind;
        }

        public Builder time(long v) { time = v; return this; }
        public Builder cpu(int v) { cpu = v; return this; }
        public Builder causeSeq(long v) { causeSeq = v; return this; }
        public Builder cmd(String v) { cmd = v; return this; }
        public Builder fid(long v) { fid = v; return this; }
        public Builder args(long[] v) { args = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder index(int v) { index = v; return this; }
        public Builder out(long[] v) { out = v; return this; }
        public Builder realm(long v) { realm = v; return this; }
        public Builder rec(long v) { rec = v; return this; }
        public Builder ipa(long v) { ipa = v; return this; }
        public Builder pa(long v) { pa = v; return this; }
        public Builder level(int v) { level = v; return this; }
        public Builder from(String v) { from = v; return this; }
        public Builder to(String v) { to = v; return this; }
        public Builder fromRipas(String v) { fromRipas = v; return this; }
        public Builder toRipas(String v) { toRipas = v; return this; }
        public Builder pas(String v) { pas = v; return this; }
        public Builder ripas(String v) { ripas = v; return this; }
        public Builder exitReason(String v) { exitReason = v; return this; }
        public Builder esr(long v) { esr = v; return this; }
        public Builder far(long v) { far = v; return this; }
        public Builder hpfar(long v) { hpfar = v; return this; }
        public Builder access(String v) { access = v; return this; }
        public Builder half(String v) { half = v; return this; }
        public Builder outcome(String v) { outcome = v; return this; }
        public Builder value(long v) { value = v; return this; }
        public Builder size(int v) { size = v; return this; }
        public Builder payload(byte[] v) { payload = v; return this; }

        public TraceEvent build() {
            return new TraceEvent(this);
        }
    }
}
