package io.ccatrace.replay;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * A mutable copy of one row, refilled from a cursor's reused row so a window can hold
 * several rows without an object per row. Its arrays are reused when the next row's have
 * the same length. {@link #toEvent()} makes an immutable copy (for reports).
 */
final class RowCopy implements EventView {
    private long seq, time, causeSeq, fid, realm, rec, ipa, pa, esr, far, hpfar, value;
    private EventKind kind;
    private int cpu, index, level, size;
    private String cmd, status, from, to, fromRipas, toRipas, pas, ripas, exitReason, access, half, outcome;
    private long[] args, out;
    private byte[] payload;
    /** Whether the row has args / out / payload (the arrays are kept for reuse when it has not). */
    private boolean hasArgs, hasOut, hasPayload;

    RowCopy copyOf(EventView v) {
        return copyOf(v, null);
    }

    /** Copies v; a payload array of another length is swapped through spare (null: none). */
    RowCopy copyOf(EventView v, PayloadArrays spare) {
        seq = v.seq();
        time = v.time();
        kind = v.kind();
        cpu = v.cpu();
        causeSeq = v.causeSeq();
        cmd = v.cmd();
        fid = v.fid();
        long[] a = v.args();
        hasArgs = a != null;
        if (hasArgs) args = longs(args, a);
        status = v.status();
        index = v.index();
        long[] o = v.out();
        hasOut = o != null;
        if (hasOut) out = longs(out, o);
        realm = v.realm();
        rec = v.rec();
        ipa = v.ipa();
        pa = v.pa();
        level = v.level();
        from = v.from();
        to = v.to();
        fromRipas = v.fromRipas();
        toRipas = v.toRipas();
        pas = v.pas();
        ripas = v.ripas();
        exitReason = v.exitReason();
        esr = v.esr();
        far = v.far();
        hpfar = v.hpfar();
        access = v.access();
        half = v.half();
        outcome = v.outcome();
        value = v.value();
        size = v.size();
        byte[] p = v.payload();
        hasPayload = p != null;
        if (hasPayload) payload = bytes(payload, p, spare);
        return this;
    }

    /** Sets seq, time and cause_seq (to give a replayed row the recorded row's place). */
    RowCopy withOrder(long seq, long time, long causeSeq) {
        this.seq = seq;
        this.time = time;
        this.causeSeq = causeSeq;
        return this;
    }

    private static long[] longs(long[] mine, long[] src) {
        long[] a = mine != null && mine.length == src.length ? mine : new long[src.length];
        System.arraycopy(src, 0, a, 0, src.length);
        return a;
    }

    private static byte[] bytes(byte[] mine, byte[] src, PayloadArrays spare) {
        byte[] a = mine;
        if (a == null || a.length != src.length) {
            if (spare == null) {
                a = new byte[src.length];
            } else {
                if (a != null) spare.give(a);
                a = spare.take(src.length);
            }
        }
        System.arraycopy(src, 0, a, 0, src.length);
        return a;
    }

    @Override public long seq() { return seq; }
    @Override public long time() { return time; }
    @Override public EventKind kind() { return kind; }
    @Override public int cpu() { return cpu; }
    @Override public long causeSeq() { return causeSeq; }
    @Override public String cmd() { return cmd; }
    @Override public long fid() { return fid; }
    @Override public long[] args() { return hasArgs ? args : null; }
    @Override public String status() { return status; }
    @Override public int index() { return index; }
    @Override public long[] out() { return hasOut ? out : null; }
    @Override public long realm() { return realm; }
    @Override public long rec() { return rec; }
    @Override public long ipa() { return ipa; }
    @Override public long pa() { return pa; }
    @Override public int level() { return level; }
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
    @Override public String access() { return access; }
    @Override public String half() { return half; }
    @Override public String outcome() { return outcome; }
    @Override public long value() { return value; }
    @Override public int size() { return size; }
    @Override public byte[] payload() { return hasPayload ? payload : null; }

    @Override
    public TraceEvent toEvent() {
        return TraceEvent.builderOf(this).args(hasArgs ? args.clone() : null).out(hasOut ? out.clone() : null)
                .payload(hasPayload ? payload.clone() : null).build();
    }
}
