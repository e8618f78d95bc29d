package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.analyzers.measurement.RealmMeasurements;
import io.ccatrace.analyzers.memory.NsMemory;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.realm.RealmState;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * How realm- and REC-level rows change the shadow: lifecycle rows, granule transitions that
 * create or retire realm objects, REC exits, RSI calls, measurements, and what successful
 * RMI calls imply beyond their effect rows (params read by the RMM, RIPAS progress, PSCI
 * completion, entry flags).
 */
final class RealmEffects {
    private static final long NULL = TraceEvent.NULL;
    private final Shadow s;

    RealmEffects(Shadow s) {
        this.s = s;
    }

    void onSuccessfulCall(EventView e) {
        DecodedRow a = s.row;
        RmiCommand cmd = s.input.rmi();
        switch (cmd) {
            case RMI_REALM_CREATE:
                realmCreated(a.arg(1), a.arg(2), e.seq());
                break;
            case RMI_REC_CREATE:
                recCreated(a.arg(1), a.arg(2), a.arg(3), e.seq());
                break;
            case RMI_DATA_CREATE: {
                RealmShadow r = s.realm(a.arg(1));
                if (r != null && r.state == RealmState.NEW) {
                    r.measurements.data(a.arg(3), a.arg(5),
                            s.ns.page(a.arg(4)), e.seq());
                    s.measuredRealm = r.rd;
                }
                break;
            }
            case RMI_RTT_INIT_RIPAS:
                initRipasMeasured(s.realm(a.arg(1)), a.arg(2),
                        s.row.outReg(1), e.seq());
                break;
            case RMI_RTT_SET_RIPAS: {
                RecShadow rec = s.rec(a.arg(2));
                long out = s.row.outReg(1);
                if (rec != null && out != NULL) rec.ripas.advance(out);
                break;
            }
            case RMI_PSCI_COMPLETE: {
                RecShadow rec = s.rec(a.arg(1));
                if (rec != null) rec.psciPending = false;
                break;
            }
            case RMI_REC_ENTER: {
                RecShadow rec = s.rec(a.arg(1));
                if (rec == null) break;
                long run = a.arg(2);
                rec.entryFlags = run == NULL ? 0 : s.ns.read(run, 8);
                rec.completedRipas.copyFrom(rec.ripas);
                rec.ripas.clear();
                rec.hostCallPending = false;
                break;
            }
            default:
                break;
        }
    }

    private void realmCreated(long rd, long params, long seq) {
        if (rd == NULL) return;
        byte[] page = params == NULL ? new byte[NsMemory.PAGE] : s.ns.page(params).clone();
        long s2sz = s.ns.read(params + 0x08, 4) & 0xFF;
        long start = (long) s.ns.read(params + 0x810, 8);
        int hash = page[0x30] & 0xFF;
        boolean known = s2sz >= 32 && s2sz <= 52 && start >= -1 && start <= 3;
        RealmShadow r = new RealmShadow(rd, known ? (int) s2sz : Shadow.DEFAULT_S2SZ,
                known ? (int) start : 0, hash == 1 ? 1 : 0, known, seq);
        r.measurements.init(page, seq);
        s.putRealm(r);
        s.measuredRealm = rd;
    }

    private void recCreated(long rd, long recPa, long params, long seq) {
        if (recPa == NULL) return;
        RecShadow rec = s.recOrNew(recPa, rd, seq);
        rec.realm = rd;
        byte[] page = s.ns.page(params);
        rec.runnable = (page[0] & 1) != 0;
        RealmShadow r = s.realm(rd);
        if (r != null && r.state == RealmState.NEW && rec.runnable) {
            r.measurements.rec(page, seq);
            s.measuredRealm = rd;
        }
    }

    /** RTT_INIT_RIPAS measures each processed entry [entry base, entry top) (reference 4.20). */
    private void initRipasMeasured(RealmShadow r, long base, long outTop, long seq) {
        if (r == null || r.state != RealmState.NEW || base == NULL || outTop == NULL) return;
        long at = base;
        for (int guard = 0; Long.compareUnsigned(at, outTop) < 0 && guard < (1 << 20); guard++) {
            RttLeaf l = s.walk(r, at);
            r.measurements.ripas(l.base(), l.top(), seq);
            at = l.top();
        }
        s.measuredRealm = r.rd;
    }

    void onRsiCall(EventView e) {
        RecShadow rec = s.rec(e.rec());
        if (rec != null) {
            rec.lastProgressSeq = e.seq();
            rec.stuckSeq = -1;
        }
        RealmShadow r = s.realm(e.realm() != NULL ? e.realm() : rec == null ? NULL : rec.realm);
        if (r == null || !s.row.success) return;
        if (s.row.rsi() == RsiCommand.RSI_MEASUREMENT_EXTEND) {
            long[] a = s.row.args(e);
            long index = Shadow.reg(a, 1);
            long size = Shadow.reg(a, 2);
            if (index >= 1 && index <= 4 && size >= 0 && size <= 64) {
                r.measurements.extendRem((int) index, registerBytes(a, 3, 8), (int) size);
            }
        }
    }

    /** Bytes of registers x(first).. x(first+count-1), little-endian per register (6.1). */
    static byte[] registerBytes(long[] regs, int first, int count) {
        byte[] out = new byte[8 * count];
        // registers past the row's last one read as NULL, i.e. 0: only the ones present are copied
        // (a bound computed once, not a test per register that the JIT hoists on the first rows' lengths)
        int present = regs == null ? 0 : Math.max(0, Math.min(count, regs.length - first + 1));
        for (int i = 0; i < present; i++) {
            long v = regs[first - 1 + i];
            LE_LONG.set(out, 8 * i, v == NULL ? 0 : v);
        }
        return out;
    }

    private static final java.lang.invoke.VarHandle LE_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    void onRecExit(EventView e, RecShadow rec) {
        if (rec == null) return;
        rec.lastExitSeq = e.seq();
        rec.lastExitUnprotectedAbort = false;
        rec.lastExitEmulatable = false;
        RealmShadow r = s.realm(rec.realm);
        switch (s.row.exit()) {
            case SYNC: {
                long ec = e.esr() == NULL ? 0 : (e.esr() >>> 26) & 0x3F;
                long ipa = e.hpfar() == NULL ? 0 : (e.hpfar() & 0xFFFFFFFFFF0L) << 8;
                rec.lastExitUnprotectedAbort = ec == 0x24 && r != null && !r.rtt.isProtected(ipa);
                rec.lastExitEmulatable = rec.lastExitUnprotectedAbort && ((e.esr() >>> 24) & 1) == 1;
                break;
            }
            case RIPAS_CHANGE: {
                rec.lastProgressSeq = e.seq();
                rec.stuckSeq = -1;
                long base = e.ipa();
                long top = e.value();
                rec.ripas.open(base, top, Ripas.parse(e.ripas()),
                        rec.takeChangeDestroyed(base, top), e.seq());
                break;
            }
            case PSCI: {
                rec.lastProgressSeq = e.seq();
                rec.stuckSeq = -1;
                RsiCommand c = RsiCommand.ofFid(s.row.outReg(1));
                if (c == RsiCommand.PSCI_CPU_ON || c == RsiCommand.PSCI_AFFINITY_INFO) rec.psciPending = true;
                if (c == RsiCommand.PSCI_CPU_OFF) rec.runnable = false;
                break;
            }
            case HOST_CALL:
                rec.lastProgressSeq = e.seq();
                rec.stuckSeq = -1;
                rec.hostCallPending = true;
                break;
            default:
                break;
        }
    }

    void onGranuleState(EventView e) {
        GranuleState from = s.granules.state(e.pa());
        GranuleState to = s.row.granuleTo();
        long owner = e.realm();
        if (owner == NULL && to.inUse() && to != GranuleState.RD) owner = s.input.arg(1);
        if (to == GranuleState.RD) owner = e.pa();
        s.granules.setState(e.pa(), to, owner, e.seq());
        if (to == GranuleState.RD && s.realm(e.pa()) == null) s.realmOrDefault(e.pa(), e.seq());
        if (from == GranuleState.RD && to != GranuleState.RD) {
            RealmShadow r = s.realm(e.pa());
            if (r != null) r.state = RealmState.DESTROYED;
            s.removeRealm(e.pa());
        }
        if (to == GranuleState.REC && from != GranuleState.REC) {
            s.recOrNew(e.pa(), owner, e.seq()).realm = owner;
            RealmShadow r = s.realm(owner);
            if (r != null) {
                r.liveRecs++;
                r.recsCreated++;
            }
        }
        if (from == GranuleState.REC && to != GranuleState.REC) {
            RecShadow rec = s.rec(e.pa());
            RealmShadow r = rec == null ? null : s.realm(rec.realm);
            if (r != null) r.liveRecs--;
            s.removeRec(e.pa());
        }
    }

    void onMeasurement(EventView e) {
        RealmShadow r = s.realm(e.realm());
        if (r == null || e.index() == TraceEvent.NULL_INT) return;
        RealmMeasurements m = r.measurements;
        m.report(e.index(), e.payload());
        if (e.index() == 0) {
            byte[] want = m.pollExpected();
            if (want != null && !RealmMeasurements.sameSlot(want, e.payload())) m.resync(e.payload());
        }
    }

    void onRealmState(EventView e) {
        RealmState to = RealmState.parse(e.to());
        if (to == RealmState.DESTROYED) {
            RealmShadow r = s.realm(e.realm());
            if (r != null) r.state = to;
            return;
        }
        RealmShadow r = s.realmOrDefault(e.realm(), e.seq());
        r.state = to;
        r.stateSeq = e.seq();
        if (to == RealmState.ACTIVE) r.activatedSeq = e.seq();
    }

    void onRecState(EventView e) {
        RecShadow rec = s.rec(e.rec());
        if (rec == null) return;
        switch (s.row.recTo()) {
            case RUNNING: rec.running = true; break;
            case READY: rec.running = false; break;
            case RUNNABLE: rec.running = false; rec.runnable = true; break;
            case NOT_RUNNABLE: rec.running = false; rec.runnable = false; break;
            default: break;
        }
    }
}
