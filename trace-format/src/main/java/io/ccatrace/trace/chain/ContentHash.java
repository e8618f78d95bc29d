package io.ccatrace.trace.chain;

import static io.ccatrace.trace.chain.ContentKey.A;
import static io.ccatrace.trace.chain.ContentKey.B;
import static io.ccatrace.trace.chain.ContentKey.nh;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A keyed 128-bit hash of a row's content: every column but seq, time, cause_seq, input
 * and chain (the columns a replay compares). Two rows with the same content have the same
 * hash; two rows that differ have the same hash with probability below 2^-50 over the
 * {@link ContentKey per-process random key}, which no trace can know in advance (so a trace
 * cannot be crafted to collide: docs/replay.md, "Comparing by keyed hash"). Each of the two
 * passes is an NH sum (UMAC's NH, 32-bit halves) over the row's non-null values, each in
 * its column's fixed slot (a list or payload: its length, then its elements or 8-byte
 * words, in slots of their own); null values add nothing.
 * {@link BatchContentHash} computes the same hash column by column for a whole batch, and
 * stores a row it cannot hash (a list longer than 64 or a payload longer than 4 KiB) as
 * 0, 0, which {@link #matches} never accepts. Not thread-safe (a name cache per instance).
 */
public final class ContentHash {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final NameHashes names = new NameHashes();
    private long a;
    private long b;

    /**
     * Whether row {@code row} of a batch hashed by {@link BatchContentHash} (hashes: two
     * values per row) has this row's content: true only when both were hashed and the hashes
     * are equal. False means "compare the rows exactly", not "different".
     */
    public boolean matches(EventView e, long[] hashes, int row) {
        long x = hashes[2 * row];
        long y = hashes[2 * row + 1];
        return (x | y) != 0 && hash(e) && a == x && b == y;
    }

    /** Hashes e into {@link #first()} and {@link #second()}; false when it cannot (too long a list or payload). */
    public boolean hash(EventView e) {
        a = nh(e.kind().ordinal(), A, ContentKey.KIND);
        b = nh(e.kind().ordinal(), B, ContentKey.KIND);
        int s = ContentKey.SCALARS;
        add(s, wide(e.cpu()));
        add(s + 1, e.fid());
        add(s + 2, wide(e.index()));
        add(s + 3, e.realm());
        add(s + 4, e.rec());
        add(s + 5, e.ipa());
        add(s + 6, e.pa());
        add(s + 7, wide(e.level()));
        add(s + 8, e.esr());
        add(s + 9, e.far());
        add(s + 10, e.hpfar());
        add(s + 11, e.value());
        add(s + 12, wide(e.size()));
        int n = ContentKey.NAMES;
        name(n, e.cmd());
        name(n + 1, e.status());
        name(n + 2, e.from());
        name(n + 3, e.to());
        name(n + 4, e.fromRipas());
        name(n + 5, e.toRipas());
        name(n + 6, e.pas());
        name(n + 7, e.ripas());
        name(n + 8, e.exitReason());
        name(n + 9, e.access());
        name(n + 10, e.half());
        name(n + 11, e.outcome());
        return list(ContentKey.ARGS, e.args()) && list(ContentKey.OUT, e.out()) && payload(e.payload());
    }

    /** The first pass of the last {@link #hash}. */
    public long first() {
        return a;
    }

    /** The second pass of the last {@link #hash}. */
    public long second() {
        return b;
    }

    /** An INT column's value as the batch stores it (null as {@link TraceEvent#NULL}). */
    static long wide(int v) {
        return v == TraceEvent.NULL_INT ? TraceEvent.NULL : v;
    }

    /** Adds a slot's value; a null one (TraceEvent.NULL) adds nothing. */
    private void add(int slot, long v) {
        if (v == TraceEvent.NULL) return;
        a += nh(v, A, slot);
        b += nh(v, B, slot);
    }

    private void name(int slot, String s) {
        if (s == null) return;
        long v = names.of(s);
        a += nh(v, A, slot);
        b += nh(v, B, slot);
    }

    /** Adds a list element's or payload word's term (any value, null included). */
    private void term(int slot, long v) {
        a += nh(v, A, slot);
        b += nh(v, B, slot);
    }

    private boolean list(int slot, long[] v) {
        if (v == null) return true;
        if (v.length > ContentKey.MAX_LIST) return false;
        term(slot, v.length);
        for (int i = 0; i < v.length; i++) term(slot + 1 + i, v[i]);
        return true;
    }

    private boolean payload(byte[] p) {
        int slot = ContentKey.PAYLOAD;
        if (p == null) return true;
        if (p.length > ContentKey.MAX_PAYLOAD) return false;
        term(slot, p.length);
        int full = p.length & ~7;
        int w = slot + 1;
        for (int i = 0; i < full; i += 8) term(w++, (long) LE_LONG.get(p, i));
        if (full < p.length) term(w, tail(p, full, p.length));
        return true;
    }

    /** Bytes from..to-1 (fewer than 8) as a little-endian word, zero-padded. */
    static long tail(byte[] p, int from, int to) {
        long last = 0;
        for (int i = to - 1; i >= from; i--) last = (last << 8) | (p[i] & 0xFF);
        return last;
    }
}
