package io.ccatrace.trace.chain;

import static io.ccatrace.trace.chain.ContentKey.A;
import static io.ccatrace.trace.chain.ContentKey.B;
import static io.ccatrace.trace.chain.ContentKey.nh;

import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.EventKind;
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
 * 0, 0, which {@link #matches} never accepts. As a {@link ColumnSink} it hashes a row given
 * column by column, with no row object (a replay hashes each replayed event so). Not
 * thread-safe (a name cache per instance).
 */
public final class ContentHash implements ColumnSink {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final NameHashes names = new NameHashes();
    private long a;
    private long b;
    private boolean hashed;

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
        start(0, e.kind(), 0);
        cpu(e.cpu());
        fid(e.fid());
        index(e.index());
        realm(e.realm());
        rec(e.rec());
        ipa(e.ipa());
        pa(e.pa());
        level(e.level());
        esr(e.esr());
        far(e.far());
        hpfar(e.hpfar());
        value(e.value());
        size(e.size());
        cmd(e.cmd());
        status(e.status());
        from(e.from());
        to(e.to());
        fromRipas(e.fromRipas());
        toRipas(e.toRipas());
        pas(e.pas());
        ripas(e.ripas());
        exitReason(e.exitReason());
        access(e.access());
        half(e.half());
        outcome(e.outcome());
        args(e.args());
        out(e.out());
        payload(e.payload());
        return hashed;
    }

    /**
     * Whether the row given since {@link #start} (as a {@link ColumnSink}) could be hashed;
     * if so, {@link #first()} and {@link #second()} are its hash, the same as {@link #hash}
     * gives for a row with those columns (the sum does not depend on the order the columns
     * come in). False for too long a list or payload.
     */
    public boolean hashed() {
        return hashed;
    }

    @Override
    public void start(long seq, EventKind kind, long time) {
        a = ContentKey.KIND_A[kind.ordinal()];
        b = ContentKey.KIND_B[kind.ordinal()];
        hashed = true;
    }

    // seq, time and cause_seq are positions, not content: not hashed
    @Override public void causeSeq(long v) { }
    @Override public void cpu(int v) { add(ContentKey.SCALARS, wide(v)); }
    @Override public void fid(long v) { add(ContentKey.SCALARS + 1, v); }
    @Override public void index(int v) { add(ContentKey.SCALARS + 2, wide(v)); }
    @Override public void realm(long v) { add(ContentKey.SCALARS + 3, v); }
    @Override public void rec(long v) { add(ContentKey.SCALARS + 4, v); }
    @Override public void ipa(long v) { add(ContentKey.SCALARS + 5, v); }
    @Override public void pa(long v) { add(ContentKey.SCALARS + 6, v); }
    @Override public void level(int v) { add(ContentKey.SCALARS + 7, wide(v)); }
    @Override public void esr(long v) { add(ContentKey.SCALARS + 8, v); }
    @Override public void far(long v) { add(ContentKey.SCALARS + 9, v); }
    @Override public void hpfar(long v) { add(ContentKey.SCALARS + 10, v); }
    @Override public void value(long v) { add(ContentKey.SCALARS + 11, v); }
    @Override public void size(int v) { add(ContentKey.SCALARS + 12, wide(v)); }
    @Override public void cmd(String v) { name(ContentKey.NAMES, v); }
    @Override public void status(String v) { name(ContentKey.NAMES + 1, v); }
    @Override public void from(String v) { name(ContentKey.NAMES + 2, v); }
    @Override public void to(String v) { name(ContentKey.NAMES + 3, v); }
    @Override public void fromRipas(String v) { name(ContentKey.NAMES + 4, v); }
    @Override public void toRipas(String v) { name(ContentKey.NAMES + 5, v); }
    @Override public void pas(String v) { name(ContentKey.NAMES + 6, v); }
    @Override public void ripas(String v) { name(ContentKey.NAMES + 7, v); }
    @Override public void exitReason(String v) { name(ContentKey.NAMES + 8, v); }
    @Override public void access(String v) { name(ContentKey.NAMES + 9, v); }
    @Override public void half(String v) { name(ContentKey.NAMES + 10, v); }
    @Override public void outcome(String v) { name(ContentKey.NAMES + 11, v); }
    @Override public void args(long[] v) { if (!list(ContentKey.ARGS, v)) hashed = false; }
    @Override public void out(long[] v) { if (!list(ContentKey.OUT, v)) hashed = false; }
    @Override public void payload(byte[] v) { if (!payload(ContentKey.PAYLOAD, v)) hashed = false; }

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

    private boolean payload(int slot, byte[] p) {
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
