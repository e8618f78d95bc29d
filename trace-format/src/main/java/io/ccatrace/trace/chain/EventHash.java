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

    /** The event's hash. */
    public static long of(TraceEvent e) {
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
                    String s = c.getName(e);
                    h = mix(h, s == null ? TraceEvent.NULL : s.hashCode());
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
