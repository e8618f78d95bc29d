package io.ccatrace.trace.chain;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * The event hash of trace format 1 (kept to verify format-1 files): a serial 64-bit mix over
 * every schema column (except the derived input flag and the chain column), nulls included,
 * payload bytes one per step. docs/trace-format.md, "Integrity chain", describes it.
 */
final class EventHashV1 {
    private static final long P2 = EventHash.P2;
    private static final Column[] HASHED = hashedColumns();

    private EventHashV1() {
    }

    /** The event's hash: the columns in schema order, unrolled (see {@link #generic}). */
    static long of(EventView e) {
        long h = P2;
        h = EventHash.mix(h, e.seq());
        h = EventHash.mix(h, e.time());
        h = EventHash.mix(h, e.kind().ordinal());
        h = EventHash.mix(h, wide(e.cpu()));
        h = EventHash.mix(h, e.causeSeq());
        h = EventHash.mix(h, name(e.cmd()));
        h = EventHash.mix(h, e.fid());
        h = mixLongs(h, e.args());
        h = EventHash.mix(h, name(e.status()));
        h = EventHash.mix(h, wide(e.index()));
        h = mixLongs(h, e.out());
        h = EventHash.mix(h, e.realm());
        h = EventHash.mix(h, e.rec());
        h = EventHash.mix(h, e.ipa());
        h = EventHash.mix(h, e.pa());
        h = EventHash.mix(h, wide(e.level()));
        h = EventHash.mix(h, name(e.from()));
        h = EventHash.mix(h, name(e.to()));
        h = EventHash.mix(h, name(e.fromRipas()));
        h = EventHash.mix(h, name(e.toRipas()));
        h = EventHash.mix(h, name(e.pas()));
        h = EventHash.mix(h, name(e.ripas()));
        h = EventHash.mix(h, name(e.exitReason()));
        h = EventHash.mix(h, e.esr());
        h = EventHash.mix(h, e.far());
        h = EventHash.mix(h, e.hpfar());
        h = EventHash.mix(h, name(e.access()));
        h = EventHash.mix(h, name(e.half()));
        h = EventHash.mix(h, name(e.outcome()));
        h = EventHash.mix(h, e.value());
        h = EventHash.mix(h, wide(e.size()));
        h = mixBytes(h, e.payload());
        return EventHash.fmix(h);
    }

    /** The same hash driven by the schema (the definition; a test keeps the two equal). */
    static long generic(TraceEvent e) {
        long h = P2;
        for (Column c : HASHED) {
            switch (c.type()) {
                case LONG:
                case INT:
                    h = EventHash.mix(h, c.getLong(e));
                    break;
                case KIND:
                    h = EventHash.mix(h, e.kind().ordinal());
                    break;
                case NAME:
                    h = EventHash.mix(h, name(c.getName(e)));
                    break;
                case LONGS:
                    h = mixLongs(h, c.getLongs(e));
                    break;
                default:
                    h = mixBytes(h, e.payload());
            }
        }
        return EventHash.fmix(h);
    }

    private static long wide(int v) {
        return v == TraceEvent.NULL_INT ? TraceEvent.NULL : v;
    }

    private static long name(String s) {
        return s == null ? TraceEvent.NULL : s.hashCode();
    }

    private static long mixLongs(long h, long[] v) {
        if (v == null) return EventHash.mix(h, TraceEvent.NULL);
        h = EventHash.mix(h, v.length);
        for (long x : v) h = EventHash.mix(h, x);
        return h;
    }

    private static long mixBytes(long h, byte[] v) {
        if (v == null) return EventHash.mix(h, TraceEvent.NULL);
        h = EventHash.mix(h, v.length);
        for (byte x : v) h = EventHash.mix(h, x & 0xFF);
        return h;
    }

    private static Column[] hashedColumns() {
        java.util.List<Column> list = new java.util.ArrayList<>();
        for (Column c : Column.values()) {
            if (c != Column.INPUT && c != Column.CHAIN) list.add(c);
        }
        return list.toArray(new Column[0]);
    }
}
