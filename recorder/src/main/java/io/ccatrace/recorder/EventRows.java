package io.ccatrace.recorder;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;

/** Maps each model event record to its trace row, column by column per docs/trace-format.md. */
public final class EventRows {
    /** Trace kind per model kind ordinal (the names match; looked up once). */
    private static final EventKind[] KINDS = kinds();

    private EventRows() {
    }

    private static EventKind[] kinds() {
        ModelEvent.Kind[] model = ModelEvent.Kind.values();
        EventKind[] k = new EventKind[model.length];
        for (int i = 0; i < model.length; i++) k[i] = EventKind.valueOf(model[i].name());
        return k;
    }

    /** The event's row as an immutable TraceEvent. */
    public static TraceEvent toRow(ModelEvent e) {
        TraceRow r = new TraceRow();
        fill(r, e);
        return r.toEvent();
    }

    /** Whether the event's row is an input row (RMI_CALL, NS_WRITE, NS_READ, GUEST_STEP). */
    public static boolean isInput(ModelEvent e) {
        return KINDS[kindOf(e).ordinal()].isInput();
    }

    /**
     * The event's kind from its class, without calling {@link ModelEvent#kind}: that call
     * has 14 receiver classes, so C2 compiles it as an interface dispatch stub per event
     * (~6% of a recording's writer thread, performance-log.md, session 22). The records are
     * final, so each test is a compare of the class word; the most frequent kinds of a
     * recording come first. The same as e.kind() (RecorderTest); a class added later and not
     * listed falls back to e.kind() (RecorderTest fails until it is listed).
     */
    static ModelEvent.Kind kindOf(ModelEvent e) {
        ModelEvent.Kind k = byClass(e.getClass());
        return k != null ? k : e.kind();
    }

    /** The kind of events of class c, or null for a class not listed here (RecorderTest: every one is). */
    static ModelEvent.Kind byClass(Class<?> c) {
        if (c == ModelEvent.NsRead.class) return ModelEvent.Kind.NS_READ;
        if (c == ModelEvent.RecState.class) return ModelEvent.Kind.REC_STATE;
        if (c == ModelEvent.RmiCall.class) return ModelEvent.Kind.RMI_CALL;
        if (c == ModelEvent.GuestStep.class) return ModelEvent.Kind.GUEST_STEP;
        if (c == ModelEvent.NsWrite.class) return ModelEvent.Kind.NS_WRITE;
        if (c == ModelEvent.RecExit.class) return ModelEvent.Kind.REC_EXIT;
        if (c == ModelEvent.Stage2Fault.class) return ModelEvent.Kind.STAGE2_FAULT;
        if (c == ModelEvent.RttEntry.class) return ModelEvent.Kind.RTT_ENTRY;
        if (c == ModelEvent.GranuleState.class) return ModelEvent.Kind.GRANULE_STATE;
        if (c == ModelEvent.PasChange.class) return ModelEvent.Kind.PAS_CHANGE;
        if (c == ModelEvent.RsiCall.class) return ModelEvent.Kind.RSI_CALL;
        if (c == ModelEvent.Measurement.class) return ModelEvent.Kind.MEASUREMENT;
        if (c == ModelEvent.Gpf.class) return ModelEvent.Kind.GPF;
        if (c == ModelEvent.RealmState.class) return ModelEvent.Kind.REALM_STATE;
        return null;
    }

    /** Refills r with the event's row ({@link #emit}). */
    public static void fill(TraceRow r, ModelEvent e) {
        emit(r, e);
    }

    /**
     * Gives r the event's row, column by column: one switch on the kind (a table jump), then
     * the columns of that kind (docs/trace-format.md), instead of a chain of type tests; the
     * columns in schema order (a sink may take any order, the Arrow sink's event hash is
     * cheapest in this one). The
     * one mapping of events to rows: a {@link TraceRow} stores them, a replay's content hash
     * takes them without a row.
     */
    public static void emit(ColumnSink r, ModelEvent e) {
        ModelEvent.Kind kind = kindOf(e);
        EventKind k = KINDS[kind.ordinal()];
        switch (kind) {
            case RMI_CALL:
                rmiCall(r, k, (ModelEvent.RmiCall) e);
                break;
            case NS_WRITE:
                nsWrite(r, k, (ModelEvent.NsWrite) e);
                break;
            case NS_READ:
                nsRead(r, k, (ModelEvent.NsRead) e);
                break;
            case GUEST_STEP:
                guestStep(r, k, (ModelEvent.GuestStep) e);
                break;
            case RSI_CALL:
                rsiCall(r, k, (ModelEvent.RsiCall) e);
                break;
            case REC_EXIT:
                recExit(r, k, (ModelEvent.RecExit) e);
                break;
            case STAGE2_FAULT:
                stage2Fault(r, k, (ModelEvent.Stage2Fault) e);
                break;
            case GPF:
                gpf(r, k, (ModelEvent.Gpf) e);
                break;
            case PAS_CHANGE:
                pasChange(r, k, (ModelEvent.PasChange) e);
                break;
            case GRANULE_STATE:
                granuleState(r, k, (ModelEvent.GranuleState) e);
                break;
            case RTT_ENTRY:
                rttEntry(r, k, (ModelEvent.RttEntry) e);
                break;
            case MEASUREMENT:
                measurement(r, k, (ModelEvent.Measurement) e);
                break;
            case REALM_STATE:
                realmState(r, k, (ModelEvent.RealmState) e);
                break;
            case REC_STATE:
                recState(r, k, (ModelEvent.RecState) e);
                break;
            default:
                throw new IllegalStateException("no row mapping for " + kind);
        }
    }

    private static void rmiCall(ColumnSink r, EventKind k, ModelEvent.RmiCall c) {
        r.start(c.seq(), k, c.time());
        r.cpu(c.cpu());
        r.cmd(c.cmd());
        r.fid(c.fid());
        r.args(c.args());
        r.status(c.status());
        r.index(c.index());
        r.out(c.out());
    }

    private static void nsWrite(ColumnSink r, EventKind k, ModelEvent.NsWrite w) {
        r.start(w.seq(), k, w.time());
        r.cpu(w.cpu());
        r.pa(w.pa());
        r.size(w.bytes().length);
        r.payload(w.bytes());
    }

    private static void nsRead(ColumnSink r, EventKind k, ModelEvent.NsRead n) {
        r.start(n.seq(), k, n.time());
        r.cpu(n.cpu());
        r.pa(n.pa());
        r.size(n.len());
        r.payload(n.data());
    }

    private static void rsiCall(ColumnSink r, EventKind k, ModelEvent.RsiCall c) {
        r.start(c.seq(), k, c.time());
        r.causeSeq(c.causeSeq());
        r.cmd(c.cmd());
        r.fid(c.fid());
        r.args(c.args());
        r.status(c.status());
        r.out(c.out());
        r.realm(c.realm());
        r.rec(c.rec());
        r.value(c.ret());
    }

    private static void stage2Fault(ColumnSink r, EventKind k, ModelEvent.Stage2Fault f) {
        effect(r, k, f.seq(), f.time(), f.causeSeq(), f.realm());
        r.rec(f.rec());
        r.ipa(f.ipa());
        r.from(f.hipas());
        r.ripas(f.ripas());
        r.access(f.access());
        r.half(f.half());
        r.outcome(f.outcome());
    }

    private static void gpf(ColumnSink r, EventKind k, ModelEvent.Gpf g) {
        r.start(g.seq(), k, g.time());
        r.cpu(g.cpu());
        r.causeSeq(g.causeSeq());
        r.pa(g.pa());
        r.pas(g.pas());
        r.access(g.access());
    }

    private static void pasChange(ColumnSink r, EventKind k, ModelEvent.PasChange p) {
        r.start(p.seq(), k, p.time());
        r.causeSeq(p.causeSeq());
        r.pa(p.pa());
        r.from(p.from());
        r.to(p.to());
    }

    private static void granuleState(ColumnSink r, EventKind k, ModelEvent.GranuleState g) {
        effect(r, k, g.seq(), g.time(), g.causeSeq(), g.realm());
        r.pa(g.pa());
        r.from(g.from());
        r.to(g.to());
    }

    private static void rttEntry(ColumnSink r, EventKind k, ModelEvent.RttEntry t) {
        effect(r, k, t.seq(), t.time(), t.causeSeq(), t.realm());
        r.ipa(t.ipa());
        r.pa(t.pa());
        r.level(t.level());
        r.from(t.fromState());
        r.to(t.toState());
        r.fromRipas(t.fromRipas());
        r.toRipas(t.toRipas());
    }

    private static void measurement(ColumnSink r, EventKind k, ModelEvent.Measurement m) {
        r.start(m.seq(), k, m.time());
        r.causeSeq(m.causeSeq());
        r.cmd(m.what());
        r.index(m.index());
        r.realm(m.realm());
        r.payload(m.value());
    }

    private static void realmState(ColumnSink r, EventKind k, ModelEvent.RealmState s) {
        effect(r, k, s.seq(), s.time(), s.causeSeq(), s.realm());
        r.from(s.from());
        r.to(s.to());
    }

    private static void recState(ColumnSink r, EventKind k, ModelEvent.RecState s) {
        effect(r, k, s.seq(), s.time(), s.causeSeq(), s.realm());
        r.rec(s.rec());
        r.from(s.from());
        r.to(s.to());
    }

    /** Starts the row of an effect: seq, kind, time, its cause and realm. */
    private static void effect(ColumnSink r, EventKind k, long seq, long time, long causeSeq, long realm) {
        r.start(seq, k, time);
        r.causeSeq(causeSeq);
        r.realm(realm);
    }

    /** Columns per step op (docs/trace-format.md, GUEST_STEP row). */
    private static void guestStep(ColumnSink r, EventKind k, ModelEvent.GuestStep s) {
        r.start(s.seq(), k, s.time());
        r.cmd(s.op());
        switch (s.op()) {
            case "call":
                r.fid(s.fid());
                r.args(s.args());
                r.rec(s.rec());
                break;
            case "write":
                access(r, s, true);
                break;
            case "read":
            case "exec":
                access(r, s, false);
                break;
            case "host_call":
                r.rec(s.rec());
                r.ipa(s.ipa());
                r.value(s.value());
                break;
            case "hvc":
                r.rec(s.rec());
                r.value(s.value());
                break;
            default:
                r.rec(s.rec());
                break;
        }
    }

    private static void access(ColumnSink r, ModelEvent.GuestStep s, boolean write) {
        r.index(s.isv() ? 1 : 0);
        r.rec(s.rec());
        r.ipa(s.ipa());
        if (write) r.value(s.value());
        r.size(s.size());
    }

    private static void recExit(ColumnSink r, EventKind k, ModelEvent.RecExit x) {
        r.start(x.seq(), k, x.time());
        r.causeSeq(x.causeSeq());
        r.out(x.gprs());
        r.realm(x.realm());
        r.rec(x.rec());
        r.ipa(x.ripasBase());
        r.ripas(x.ripasValue());
        r.exitReason(x.reason());
        r.esr(x.esr());
        r.far(x.far());
        r.hpfar(x.hpfar());
        if ("RIPAS_CHANGE".equals(x.reason())) {
            r.value(x.ripasTop());
        } else if ("HOST_CALL".equals(x.reason())) {
            r.value(x.imm());
        }
    }
}
