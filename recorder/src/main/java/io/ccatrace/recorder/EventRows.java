package io.ccatrace.recorder;

import io.ccatrace.model.event.ModelEvent;
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

    /** Refills r with the event's row. */
    public static void fill(TraceRow r, ModelEvent e) {
        r.start(e.seq(), KINDS[e.kind().ordinal()], e.time());
        if (e instanceof ModelEvent.RmiCall) {
            ModelEvent.RmiCall c = (ModelEvent.RmiCall) e;
            r.cpu = c.cpu();
            r.fid = c.fid();
            r.cmd = c.cmd();
            r.args = c.args();
            r.status = c.status();
            r.index = c.index();
            r.out = c.out();
        } else if (e instanceof ModelEvent.NsWrite) {
            ModelEvent.NsWrite w = (ModelEvent.NsWrite) e;
            r.cpu = w.cpu();
            r.pa = w.pa();
            r.size = w.bytes().length;
            r.payload = w.bytes();
        } else if (e instanceof ModelEvent.NsRead) {
            ModelEvent.NsRead n = (ModelEvent.NsRead) e;
            r.cpu = n.cpu();
            r.pa = n.pa();
            r.size = n.len();
            r.payload = n.data();
        } else if (e instanceof ModelEvent.GuestStep) {
            guestStep(r, (ModelEvent.GuestStep) e);
        } else if (e instanceof ModelEvent.RsiCall) {
            ModelEvent.RsiCall c = (ModelEvent.RsiCall) e;
            effect(r, c.causeSeq(), c.realm());
            r.rec = c.rec();
            r.fid = c.fid();
            r.cmd = c.cmd();
            r.args = c.args();
            r.status = c.status();
            r.value = c.ret();
            r.out = c.out();
        } else if (e instanceof ModelEvent.RecExit) {
            recExit(r, (ModelEvent.RecExit) e);
        } else {
            effects(r, e);
        }
    }

    /** The effects other than RSI_CALL and REC_EXIT. */
    private static void effects(TraceRow r, ModelEvent e) {
        if (e instanceof ModelEvent.Stage2Fault) {
            ModelEvent.Stage2Fault f = (ModelEvent.Stage2Fault) e;
            effect(r, f.causeSeq(), f.realm());
            r.rec = f.rec();
            r.ipa = f.ipa();
            r.access = f.access();
            r.half = f.half();
            r.ripas = f.ripas();
            r.from = f.hipas();
            r.outcome = f.outcome();
        } else if (e instanceof ModelEvent.Gpf) {
            ModelEvent.Gpf g = (ModelEvent.Gpf) e;
            r.causeSeq = g.causeSeq();
            r.cpu = g.cpu();
            r.pa = g.pa();
            r.pas = g.pas();
            r.access = g.access();
        } else if (e instanceof ModelEvent.PasChange) {
            ModelEvent.PasChange p = (ModelEvent.PasChange) e;
            r.causeSeq = p.causeSeq();
            r.pa = p.pa();
            r.from = p.from();
            r.to = p.to();
        } else if (e instanceof ModelEvent.GranuleState) {
            ModelEvent.GranuleState g = (ModelEvent.GranuleState) e;
            effect(r, g.causeSeq(), g.realm());
            r.pa = g.pa();
            r.from = g.from();
            r.to = g.to();
        } else if (e instanceof ModelEvent.RttEntry) {
            ModelEvent.RttEntry t = (ModelEvent.RttEntry) e;
            effect(r, t.causeSeq(), t.realm());
            r.ipa = t.ipa();
            r.level = t.level();
            r.from = t.fromState();
            r.fromRipas = t.fromRipas();
            r.to = t.toState();
            r.toRipas = t.toRipas();
            r.pa = t.pa();
        } else if (e instanceof ModelEvent.Measurement) {
            ModelEvent.Measurement m = (ModelEvent.Measurement) e;
            effect(r, m.causeSeq(), m.realm());
            r.index = m.index();
            r.cmd = m.what();
            r.payload = m.value();
        } else if (e instanceof ModelEvent.RealmState) {
            ModelEvent.RealmState s = (ModelEvent.RealmState) e;
            effect(r, s.causeSeq(), s.realm());
            r.from = s.from();
            r.to = s.to();
        } else if (e instanceof ModelEvent.RecState) {
            ModelEvent.RecState s = (ModelEvent.RecState) e;
            effect(r, s.causeSeq(), s.realm());
            r.rec = s.rec();
            r.from = s.from();
            r.to = s.to();
        } else {
            throw new IllegalStateException("no row mapping for " + e.kind());
        }
    }

    private static void effect(TraceRow r, long causeSeq, long realm) {
        r.causeSeq = causeSeq;
        r.realm = realm;
    }

    /** Columns per step op (docs/trace-format.md, GUEST_STEP row). */
    private static void guestStep(TraceRow r, ModelEvent.GuestStep s) {
        r.rec = s.rec();
        r.cmd = s.op();
        switch (s.op()) {
            case "call":
                r.fid = s.fid();
                r.args = s.args();
                break;
            case "write":
                r.value = s.value();
                access(r, s);
                break;
            case "read":
            case "exec":
                access(r, s);
                break;
            case "host_call":
                r.ipa = s.ipa();
                r.value = s.value();
                break;
            case "hvc":
                r.value = s.value();
                break;
            default:
                break;
        }
    }

    private static void access(TraceRow r, ModelEvent.GuestStep s) {
        r.ipa = s.ipa();
        r.size = s.size();
        r.index = s.isv() ? 1 : 0;
    }

    private static void recExit(TraceRow r, ModelEvent.RecExit x) {
        effect(r, x.causeSeq(), x.realm());
        r.rec = x.rec();
        r.exitReason = x.reason();
        r.esr = x.esr();
        r.far = x.far();
        r.hpfar = x.hpfar();
        r.out = x.gprs();
        r.ipa = x.ripasBase();
        r.ripas = x.ripasValue();
        if ("RIPAS_CHANGE".equals(x.reason())) {
            r.value = x.ripasTop();
        } else if ("HOST_CALL".equals(x.reason())) {
            r.value = x.imm();
        }
    }
}
