package io.ccatrace.recorder;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;

/** Maps each model event record to its trace row, column by column per docs/trace-format.md. */
public final class EventRows {
    private EventRows() {
    }

    public static TraceEvent toRow(ModelEvent e) {
        TraceEvent.Builder b = TraceEvent.builder(e.seq(), EventKind.valueOf(e.kind().name()))
                .time(e.time());
        if (e instanceof ModelEvent.RmiCall) {
            rmi(b, (ModelEvent.RmiCall) e);
        } else if (e instanceof ModelEvent.NsWrite) {
            ModelEvent.NsWrite w = (ModelEvent.NsWrite) e;
            b.cpu(w.cpu()).pa(w.pa()).size(w.bytes().length).payload(w.bytes());
        } else if (e instanceof ModelEvent.NsRead) {
            ModelEvent.NsRead r = (ModelEvent.NsRead) e;
            b.cpu(r.cpu()).pa(r.pa()).size(r.len()).payload(r.data());
        } else if (e instanceof ModelEvent.GuestStep) {
            guestStep(b, (ModelEvent.GuestStep) e);
        } else if (e instanceof ModelEvent.RsiCall) {
            ModelEvent.RsiCall r = (ModelEvent.RsiCall) e;
            b.causeSeq(r.causeSeq()).realm(r.realm()).rec(r.rec()).fid(r.fid()).cmd(r.cmd())
                    .args(r.args()).status(r.status()).value(r.ret()).out(r.out());
        } else if (e instanceof ModelEvent.RecExit) {
            recExit(b, (ModelEvent.RecExit) e);
        } else if (e instanceof ModelEvent.Stage2Fault) {
            ModelEvent.Stage2Fault f = (ModelEvent.Stage2Fault) e;
            b.causeSeq(f.causeSeq()).realm(f.realm()).rec(f.rec()).ipa(f.ipa()).access(f.access())
                    .half(f.half()).ripas(f.ripas()).from(f.hipas()).outcome(f.outcome());
        } else if (e instanceof ModelEvent.Gpf) {
            ModelEvent.Gpf g = (ModelEvent.Gpf) e;
            b.causeSeq(g.causeSeq()).cpu(g.cpu()).pa(g.pa()).pas(g.pas()).access(g.access());
        } else if (e instanceof ModelEvent.PasChange) {
            ModelEvent.PasChange p = (ModelEvent.PasChange) e;
            b.causeSeq(p.causeSeq()).pa(p.pa()).from(p.from()).to(p.to());
        } else if (e instanceof ModelEvent.GranuleState) {
            ModelEvent.GranuleState g = (ModelEvent.GranuleState) e;
            b.causeSeq(g.causeSeq()).pa(g.pa()).from(g.from()).to(g.to()).realm(g.realm());
        } else if (e instanceof ModelEvent.RttEntry) {
            ModelEvent.RttEntry r = (ModelEvent.RttEntry) e;
            b.causeSeq(r.causeSeq()).realm(r.realm()).ipa(r.ipa()).level(r.level())
                    .from(r.fromState()).fromRipas(r.fromRipas()).to(r.toState())
                    .toRipas(r.toRipas()).pa(r.pa());
        } else if (e instanceof ModelEvent.Measurement) {
            ModelEvent.Measurement m = (ModelEvent.Measurement) e;
            b.causeSeq(m.causeSeq()).realm(m.realm()).index(m.index()).cmd(m.what())
                    .payload(m.value());
        } else if (e instanceof ModelEvent.RealmState) {
            ModelEvent.RealmState r = (ModelEvent.RealmState) e;
            b.causeSeq(r.causeSeq()).realm(r.realm()).from(r.from()).to(r.to());
        } else if (e instanceof ModelEvent.RecState) {
            ModelEvent.RecState r = (ModelEvent.RecState) e;
            b.causeSeq(r.causeSeq()).realm(r.realm()).rec(r.rec()).from(r.from()).to(r.to());
        } else {
            throw new IllegalStateException("no row mapping for " + e.kind());
        }
        return b.build();
    }

    private static void rmi(TraceEvent.Builder b, ModelEvent.RmiCall c) {
        b.cpu(c.cpu()).fid(c.fid()).cmd(c.cmd()).args(c.args()).status(c.status())
                .index(c.index()).out(c.out());
    }

    /** Columns per step op (docs/trace-format.md, GUEST_STEP row). */
    private static void guestStep(TraceEvent.Builder b, ModelEvent.GuestStep s) {
        b.rec(s.rec()).cmd(s.op());
        switch (s.op()) {
            case "call":
                b.fid(s.fid()).args(s.args());
                break;
            case "read":
            case "exec":
                b.ipa(s.ipa()).size(s.size()).index(s.isv() ? 1 : 0);
                break;
            case "write":
                b.ipa(s.ipa()).value(s.value()).size(s.size()).index(s.isv() ? 1 : 0);
                break;
            case "host_call":
                b.ipa(s.ipa()).value(s.value());
                break;
            case "hvc":
                b.value(s.value());
                break;
            default:
                break;
        }
    }

    private static void recExit(TraceEvent.Builder b, ModelEvent.RecExit x) {
        b.causeSeq(x.causeSeq()).realm(x.realm()).rec(x.rec()).exitReason(x.reason())
                .esr(x.esr()).far(x.far()).hpfar(x.hpfar()).out(x.gprs())
                .ipa(x.ripasBase()).ripas(x.ripasValue());
        if ("RIPAS_CHANGE".equals(x.reason())) {
            b.value(x.ripasTop());
        } else if ("HOST_CALL".equals(x.reason())) {
            b.value(x.imm());
        }
    }
}
