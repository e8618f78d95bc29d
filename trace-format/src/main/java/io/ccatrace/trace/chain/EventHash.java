package io.ccatrace.trace.chain;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 64-bit event hash of trace format 2. An event becomes a sequence of 64-bit words: for
 * every non-null column in schema order (except the derived input flag and the chain column)
 * its value words, the first one xored with the column's key {@link #key}; the words are
 * mixed in four independent lanes (word i into lane i mod 4), which are then combined with
 * the word count and finalised. The exact definition is part of the format (docs/trace-format.md,
 * "Integrity chain") so that other tools can recompute it; {@link #generic} is that
 * definition driven by the schema, {@link #hash} the fast equivalent. Not thread-safe (one
 * word buffer per instance).
 */
public final class EventHash {
    static final long P1 = 0x9E3779B97F4A7C15L;
    static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] KEYS = keys();
    private static final long K_SEQ = KEYS[Column.SEQ.ordinal()];
    private static final long K_TIME = KEYS[Column.TIME.ordinal()];
    private static final long K_KIND = KEYS[Column.KIND.ordinal()];

    private long[] words = new long[64];

    /** The format-2 hash of one event (allocates a buffer: use an instance in loops). */
    public static long of(EventView e) {
        return new EventHash().hash(e);
    }

    /** The hash of one event as defined by the given trace format version (1 or 2). */
    public static long of(EventView e, int formatVersion) {
        return formatVersion == 1 ? EventHashV1.of(e) : of(e);
    }

    /** Column c's key: the murmur3 64-bit finaliser of (ordinal + 1). */
    static long key(Column c) {
        return fmix(c.ordinal() + 1);
    }

    /** The format-2 hash of one event: the column words written out column by column. */
    public long hash(EventView e) {
        long[] a = e.args();
        long[] o = e.out();
        byte[] p = e.payload();
        int need = 40 + (a == null ? 0 : a.length) + (o == null ? 0 : o.length) + (p == null ? 0 : p.length / 8 + 1);
        if (need > words.length) words = new long[Math.max(need, 2 * words.length)];
        long[] w = words;
        w[0] = e.seq() ^ K_SEQ;
        w[1] = e.time() ^ K_TIME;
        w[2] = e.kind().ordinal() ^ K_KIND;
        int n = 3;
        n = put(w, n, Column.CPU, e.cpu());
        n = put(w, n, Column.CAUSE_SEQ, e.causeSeq());
        n = put(w, n, Column.CMD, e.cmd());
        n = put(w, n, Column.FID, e.fid());
        n = put(w, n, Column.ARGS, a);
        n = put(w, n, Column.STATUS, e.status());
        n = put(w, n, Column.INDEX, e.index());
        n = put(w, n, Column.OUT, o);
        n = put(w, n, Column.REALM, e.realm());
        n = put(w, n, Column.REC, e.rec());
        n = put(w, n, Column.IPA, e.ipa());
        n = put(w, n, Column.PA, e.pa());
        n = put(w, n, Column.LEVEL, e.level());
        n = put(w, n, Column.FROM, e.from());
        n = put(w, n, Column.TO, e.to());
        n = put(w, n, Column.FROM_RIPAS, e.fromRipas());
        n = put(w, n, Column.TO_RIPAS, e.toRipas());
        n = put(w, n, Column.PAS, e.pas());
        n = put(w, n, Column.RIPAS, e.ripas());
        n = put(w, n, Column.EXIT_REASON, e.exitReason());
        n = put(w, n, Column.ESR, e.esr());
        n = put(w, n, Column.FAR, e.far());
        n = put(w, n, Column.HPFAR, e.hpfar());
        n = put(w, n, Column.ACCESS, e.access());
        n = put(w, n, Column.HALF, e.half());
        n = put(w, n, Column.OUTCOME, e.outcome());
        n = put(w, n, Column.VALUE, e.value());
        n = put(w, n, Column.SIZE, e.size());
        n = put(w, n, Column.PAYLOAD, p);
        return lanes(w, n);
    }

    private static int put(long[] w, int n, Column c, long v) {
        if (v == TraceEvent.NULL) return n;
        w[n] = v ^ KEYS[c.ordinal()];
        return n + 1;
    }

    private static int put(long[] w, int n, Column c, int v) {
        if (v == TraceEvent.NULL_INT) return n;
        w[n] = v ^ KEYS[c.ordinal()];
        return n + 1;
    }

    private static int put(long[] w, int n, Column c, String s) {
        if (s == null) return n;
        w[n] = s.hashCode() ^ KEYS[c.ordinal()];
        return n + 1;
    }

    static int put(long[] w, int n, Column c, long[] v) {
        if (v == null) return n;
        w[n++] = v.length ^ KEYS[c.ordinal()];
        System.arraycopy(v, 0, w, n, v.length);
        return n + v.length;
    }

    static int put(long[] w, int n, Column c, byte[] b) {
        if (b == null) return n;
        w[n++] = b.length ^ KEYS[c.ordinal()];
        int full = b.length & ~7;
        for (int i = 0; i < full; i += 8) w[n++] = (long) LE_LONG.get(b, i);
        if (full < b.length) {
            long last = 0;
            for (int i = b.length - 1; i >= full; i--) last = (last << 8) | (b[i] & 0xFF);
            w[n++] = last;
        }
        return n;
    }

    /** Mixes words 0..n-1 in four lanes and combines them with n. */
    static long lanes(long[] w, int n) {
        long h0 = P1;
        long h1 = 2 * P1;
        long h2 = 3 * P1;
        long h3 = 4 * P1;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h0 = mix(h0, w[i]);
            h1 = mix(h1, w[i + 1]);
            h2 = mix(h2, w[i + 2]);
            h3 = mix(h3, w[i + 3]);
        }
        if (i < n) h0 = mix(h0, w[i]);
        if (i + 1 < n) h1 = mix(h1, w[i + 1]);
        if (i + 2 < n) h2 = mix(h2, w[i + 2]);
        return fmix(n * P2 ^ h0 ^ Long.rotateLeft(h1, 16) ^ Long.rotateLeft(h2, 32) ^ Long.rotateLeft(h3, 48));
    }

    /**
     * The definition, driven by the schema: the same words as {@link #hash}, built column by
     * column through {@link Column}'s accessors (slow; a test keeps the two equal).
     */
    static long generic(TraceEvent e) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (Column c : Column.values()) {
            if (c == Column.INPUT || c == Column.CHAIN) continue;
            long k = key(c);
            switch (c.type()) {
                case LONG:
                case INT:
                    long v = c.getLong(e);
                    if (v != TraceEvent.NULL) out.add(v ^ k);
                    break;
                case KIND:
                    out.add(e.kind().ordinal() ^ k);
                    break;
                case NAME:
                    String s = c.getName(e);
                    if (s != null) out.add(s.hashCode() ^ k);
                    break;
                case LONGS:
                    long[] a = c.getLongs(e);
                    if (a == null) break;
                    out.add(a.length ^ k);
                    for (long x : a) out.add(x);
                    break;
                default:
                    byte[] b = e.payload();
                    if (b == null) break;
                    out.add(b.length ^ k);
                    for (int i = 0; i < b.length; i += 8) {
                        long word = 0;
                        for (int j = Math.min(b.length, i + 8) - 1; j >= i; j--) word = (word << 8) | (b[j] & 0xFF);
                        out.add(word);
                    }
            }
        }
        long[] w = out.stream().mapToLong(Long::longValue).toArray();
        return lanes(w, w.length);
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

    private static long[] keys() {
        Column[] cs = Column.values();
        long[] k = new long[cs.length];
        for (Column c : cs) k[c.ordinal()] = key(c);
        return k;
    }
}
