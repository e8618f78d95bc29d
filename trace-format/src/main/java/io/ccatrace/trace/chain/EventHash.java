package io.ccatrace.trace.chain;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceEvent;

/**
 * A 64-bit hash of one event over every schema column (except the derived input flag and the
 * chain column itself), in schema order. The exact algorithm is part of the format
 * (docs/trace-format.md, "Integrity chain") so that other tools can recompute it.
 */
public final class EventHash {
    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final Column[] HASHED = hashedColumns();

    private EventHash() {
    }

    /** The event's hash: the columns in schema order, unrolled (see {@link #generic}). */
    public static long of(TraceEvent e) {
        long h = P2;
        h = mix(h, e.seq());
        h = mix(h, e.time());
        h = mix(h, e.kind().ordinal());
        h = mix(h, wide(e.cpu()));
        h = mix(h, e.causeSeq());
        h = mix(h, name(e.cmd()));
        h = mix(h, e.fid());
        h = mixLongs(h, e.args());
        h = mix(h, name(e.status()));
        h = mix(h, wide(e.index()));
        h = mixLongs(h, e.out());
        h = mix(h, e.realm());
        h = mix(h, e.rec());
        h = mix(h, e.ipa());
        h = mix(h, e.pa());
        h = mix(h, wide(e.level()));
        h = mix(h, name(e.from()));
        h = mix(h, name(e.to()));
        h = mix(h, name(e.fromRipas()));
        h = mix(h, name(e.toRipas()));
        h = mix(h, name(e.pas()));
        h = mix(h, name(e.ripas()));
        h = mix(h, name(e.exitReason()));
        h = mix(h, e.esr());
        h = mix(h, e.far());
        h = mix(h, e.hpfar());
        h = mix(h, name(e.access()));
        h = mix(h, name(e.half()));
        h = mix(h, name(e.outcome()));
        h = mix(h, e.value());
        h = mix(h, wide(e.size()));
        h = mixBytes(h, e.payload());
        return fmix(h);
    }

    /** The same hash driven by the schema (the definition; a test keeps the two equal). */
    static long generic(TraceEvent e) {
        long h = P2;
        for (Column c : HASHED) {
            switch (c.type()) {
                case LONG:
                case INT:
                    h = mix(h, c.getLong(e));
                    break;
                case KIND:
                    h = mix(h, e.kind().ordinal());
                    break;
                case NAME:
                    h = mix(h, name(c.getName(e)));
                    break;
                case LONGS:
                    h = mixLongs(h, c.getLongs(e));
                    break;
                default:
                    h = mixBytes(h, e.payload());
            }
        }
        return fmix(h);
    }

    private static long wide(int v) {
        return v == TraceEvent.NULL_INT ? TraceEvent.NULL : v;
    }

    private static long name(String s) {
        return s == null ? TraceEvent.NULL : s.hashCode();
    }

    private static long mixLongs(long h, long[] v) {
        if (v == null) return mix(h, TraceEvent.NULL);
        h = mix(h, v.length);
        for (long x : v) h = mix(h, x);
        return h;
    }

    private static long mixBytes(long h, byte[] v) {
        if (v == null) return mix(h, TraceEvent.NULL);
        h = mix(h, v.length);
        for (byte x : v) h = mix(h, x & 0xFF);
        return h;
    }

    static long mix(long h, long v) {
        return Long.rotateLeft(h ^ (v * P1), 29) * P2;
    }

    static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static Column[] hashedColumns() {
        java.util.List<Column> list = new java.util.ArrayList<>();
        for (Column c : Column.values()) {
            if (c != Column.INPUT && c != Column.CHAIN) list.add(c);
        }
        return list.toArray(new Column[0]);
    }
}
