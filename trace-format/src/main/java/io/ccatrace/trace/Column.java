package io.ccatrace.trace;

/**
 * The trace schema, defined once: every column, its logical type and whether it may be
 * null. Arrow, Parquet and JSONL layouts are all derived from this list (see
 * docs/trace-format.md). The order is the column order in the files.
 */
public enum Column {
    SEQ("seq", Type.LONG, false, false),
    TIME("time", Type.LONG, false, false),
    KIND("kind", Type.KIND, false, false),
    INPUT("input", Type.BOOL, false, false),
    CPU("cpu", Type.INT, true, false),
    CAUSE_SEQ("cause_seq", Type.LONG, true, false),
    CMD("cmd", Type.NAME, true, false),
    FID("fid", Type.LONG, true, true),
    ARGS("args", Type.LONGS, true, true),
    STATUS("status", Type.NAME, true, false),
    INDEX("index", Type.INT, true, false),
    OUT("out", Type.LONGS, true, true),
    REALM("realm", Type.LONG, true, true),
    REC("rec", Type.LONG, true, true),
    IPA("ipa", Type.LONG, true, true),
    PA("pa", Type.LONG, true, true),
    LEVEL("level", Type.INT, true, false),
    FROM("from", Type.NAME, true, false),
    TO("to", Type.NAME, true, false),
    FROM_RIPAS("from_ripas", Type.NAME, true, false),
    TO_RIPAS("to_ripas", Type.NAME, true, false),
    PAS("pas", Type.NAME, true, false),
    RIPAS("ripas", Type.NAME, true, false),
    EXIT_REASON("exit_reason", Type.NAME, true, false),
    ESR("esr", Type.LONG, true, true),
    FAR("far", Type.LONG, true, true),
    HPFAR("hpfar", Type.LONG, true, true),
    ACCESS("access", Type.NAME, true, false),
    HALF("half", Type.NAME, true, false),
    OUTCOME("outcome", Type.NAME, true, false),
    VALUE("value", Type.LONG, true, true),
    SIZE("size", Type.INT, true, false),
    PAYLOAD("payload", Type.BYTES, true, false),
    /** Integrity checkpoint (SHA-256 chain value); written by the writers, not an event field. */
    CHAIN("chain", Type.BYTES, true, false);

    /** Logical column types. */
    public enum Type {
        /** int64; register and address values are unsigned 64-bit stored as their bits. */
        LONG,
        /** int32. */
        INT,
        /** The event kind name (dictionary-encoded string, never null). */
        KIND,
        /** Whether the kind is an input (derived from kind). */
        BOOL,
        /** A spec name (dictionary-encoded string). */
        NAME,
        /** A list of int64 register values. */
        LONGS,
        /** Raw bytes. */
        BYTES
    }

    private static final Column[] VALUES = values();

    private final String columnName;
    private final Type type;
    private final boolean nullable;
    private final boolean hex;

    Column(String columnName, Type type, boolean nullable, boolean hex) {
        this.columnName = columnName;
        this.type = type;
        this.nullable = nullable;
        this.hex = hex;
    }

    /** The column's name in every file format. */
    public String columnName() { return columnName; }

    /**
     * The name of the column's field in an event of that kind, as the JSONL form and the
     * reports write it: an RSI call's {@code value} (the x0 the realm received) is {@code ret}
     * (script contract, RSI_CALL row); every other field is the column's name.
     */
    public String fieldName(EventKind kind) {
        return this == VALUE && kind == EventKind.RSI_CALL ? "ret" : columnName;
    }
    public Type type() { return type; }
    public boolean nullable() { return nullable; }
    /** Whether the JSONL form writes the value as a "0x..." hex string (register/address). */
    public boolean hex() { return hex; }

    /** All columns, in file order (shared array: do not modify). */
    static Column[] all() { return VALUES; }

    /** The column with this file name, or null. */
    public static Column byName(String name) {
        for (Column c : VALUES) {
            if (c.columnName.equals(name)) return c;
        }
        return null;
    }

    /** LONG or INT value of this column, {@link TraceEvent#NULL} when null. */
    public long getLong(TraceEvent e) {
        switch (this) {
            case SEQ: return e.seq();
            case TIME: return e.time();
            case CPU: return widen(e.cpu());
            case CAUSE_SEQ: return e.causeSeq();
            case FID: return e.fid();
            case INDEX: return widen(e.index());
            case REALM: return e.realm();
            case REC: return e.rec();
            case IPA: return e.ipa();
            case PA: return e.pa();
            case LEVEL: return widen(e.level());
            case ESR: return e.esr();
            case FAR: return e.far();
            case HPFAR: return e.hpfar();
            case VALUE: return e.value();
            case SIZE: return widen(e.size());
            default: throw new IllegalStateException(this + " is not numeric");
        }
    }

    /** Sets a LONG or INT column ({@link TraceEvent#NULL} means null). */
    public void setLong(TraceEvent.Builder b, long v) {
        switch (this) {
            case TIME: b.time(v); break;
            case CPU: b.cpu(narrow(v)); break;
            case CAUSE_SEQ: b.causeSeq(v); break;
            case FID: b.fid(v); break;
            case INDEX: b.index(narrow(v)); break;
            case REALM: b.realm(v); break;
            case REC: b.rec(v); break;
            case IPA: b.ipa(v); break;
            case PA: b.pa(v); break;
            case LEVEL: b.level(narrow(v)); break;
            case ESR: b.esr(v); break;
            case FAR: b.far(v); break;
            case HPFAR: b.hpfar(v); break;
            case VALUE: b.value(v); break;
            case SIZE: b.size(narrow(v)); break;
            default: throw new IllegalStateException(this + " is not a settable number");
        }
    }

    /** NAME value of this column (or null). */
    public String getName(TraceEvent e) {
        switch (this) {
            case KIND: return e.kind().name();
            case CMD: return e.cmd();
            case STATUS: return e.status();
            case FROM: return e.from();
            case TO: return e.to();
            case FROM_RIPAS: return e.fromRipas();
            case TO_RIPAS: return e.toRipas();
            case PAS: return e.pas();
            case RIPAS: return e.ripas();
            case EXIT_REASON: return e.exitReason();
            case ACCESS: return e.access();
            case HALF: return e.half();
            case OUTCOME: return e.outcome();
            default: throw new IllegalStateException(this + " is not a name");
        }
    }

    /** Sets a NAME column. */
    public void setName(TraceEvent.Builder b, String v) {
        switch (this) {
            case CMD: b.cmd(v); break;
            case STATUS: b.status(v); break;
            case FROM: b.from(v); break;
            case TO: b.to(v); break;
            case FROM_RIPAS: b.fromRipas(v); break;
            case TO_RIPAS: b.toRipas(v); break;
            case PAS: b.pas(v); break;
            case RIPAS: b.ripas(v); break;
            case EXIT_REASON: b.exitReason(v); break;
            case ACCESS: b.access(v); break;
            case HALF: b.half(v); break;
            case OUTCOME: b.outcome(v); break;
            default: throw new IllegalStateException(this + " is not a settable name");
        }
    }

    /** LONGS value (args or out), or null. */
    public long[] getLongs(TraceEvent e) {
        if (this == ARGS) return e.args();
        if (this == OUT) return e.out();
        throw new IllegalStateException(this + " is not a register list");
    }

    public void setLongs(TraceEvent.Builder b, long[] v) {
        if (this == ARGS) b.args(v);
        else if (this == OUT) b.out(v);
        else throw new IllegalStateException(this + " is not a register list");
    }

    private static long widen(int v) {
        return v == TraceEvent.NULL_INT ? TraceEvent.NULL : v;
    }

    private static int narrow(long v) {
        return v == TraceEvent.NULL ? TraceEvent.NULL_INT : (int) v;
    }
}
