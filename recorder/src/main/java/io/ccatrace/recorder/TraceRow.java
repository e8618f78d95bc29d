package io.ccatrace.recorder;

import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * A mutable trace row that {@link EventRows#fill} refills for every model event, so the
 * recorder hands writers one reused object instead of building a {@link TraceEvent} per
 * event. Arrays are the model event's own (events are immutable): readers must not modify
 * them. Null columns hold {@link TraceEvent#NULL}, {@link TraceEvent#NULL_INT} or Java null.
 */
public final class TraceRow implements EventView, ColumnSink {
    long seq;
    long time;
    EventKind kind;
    int cpu;
    long causeSeq;
    String cmd;
    long fid;
    long[] args;
    String status;
    int index;
    long[] out;
    long realm;
    long rec;
    long ipa;
    long pa;
    int level;
    String from;
    String to;
    String fromRipas;
    String toRipas;
    String pas;
    String ripas;
    String exitReason;
    long esr;
    long far;
    long hpfar;
    String access;
    String half;
    String outcome;
    long value;
    int size;
    byte[] payload;

    /** Starts a new row: every column null except seq, kind and time. */
    @Override
    public void start(long seq, EventKind kind, long time) {
        this.seq = seq;
        this.kind = kind;
        this.time = time;
        cpu = index = level = size = TraceEvent.NULL_INT;
        causeSeq = fid = realm = rec = ipa = pa = esr = far = hpfar = value = TraceEvent.NULL;
        cmd = status = from = to = fromRipas = toRipas = pas = ripas = exitReason = null;
        access = half = outcome = null;
        args = out = null;
        payload = null;
    }

    @Override public long seq() { return seq; }
    @Override public long time() { return time; }
    @Override public EventKind kind() { return kind; }
    @Override public int cpu() { return cpu; }
    @Override public long causeSeq() { return causeSeq; }
    @Override public String cmd() { return cmd; }
    @Override public long fid() { return fid; }
    @Override public long[] args() { return args; }
    @Override public String status() { return status; }
    @Override public int index() { return index; }
    @Override public long[] out() { return out; }
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
    @Override public byte[] payload() { return payload; }

    @Override public void causeSeq(long v) { causeSeq = v; }
    @Override public void cpu(int v) { cpu = v; }
    @Override public void cmd(String v) { cmd = v; }
    @Override public void fid(long v) { fid = v; }
    @Override public void args(long[] v) { args = v; }
    @Override public void status(String v) { status = v; }
    @Override public void index(int v) { index = v; }
    @Override public void out(long[] v) { out = v; }
    @Override public void realm(long v) { realm = v; }
    @Override public void rec(long v) { rec = v; }
    @Override public void ipa(long v) { ipa = v; }
    @Override public void pa(long v) { pa = v; }
    @Override public void level(int v) { level = v; }
    @Override public void from(String v) { from = v; }
    @Override public void to(String v) { to = v; }
    @Override public void fromRipas(String v) { fromRipas = v; }
    @Override public void toRipas(String v) { toRipas = v; }
    @Override public void pas(String v) { pas = v; }
    @Override public void ripas(String v) { ripas = v; }
    @Override public void exitReason(String v) { exitReason = v; }
    @Override public void esr(long v) { esr = v; }
    @Override public void far(long v) { far = v; }
    @Override public void hpfar(long v) { hpfar = v; }
    @Override public void access(String v) { access = v; }
    @Override public void half(String v) { half = v; }
    @Override public void outcome(String v) { outcome = v; }
    @Override public void value(long v) { value = v; }
    @Override public void size(int v) { size = v; }
    @Override public void payload(byte[] v) { payload = v; }

    /** An immutable copy of the current row. */
    @Override
    public TraceEvent toEvent() {
        return TraceEvent.builderOf(this).build();
    }
}
