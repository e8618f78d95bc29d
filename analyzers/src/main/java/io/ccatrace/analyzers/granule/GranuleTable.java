package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.LongMap;

/**
 * Shadow of every granule the trace has touched: state (7.1), PAS (14), owner realm, the
 * seq since which it is in its state, and what it was last used as (so a call naming a
 * destroyed RD or REC can be told apart from one naming junk). Granules never seen are
 * UNDELEGATED with PAS NS, as after boot. Entries back at UNDELEGATED/NS with no history
 * worth keeping are dropped, so memory follows the delegated set.
 */
public final class GranuleTable {
    // a: bits 0-3 state, 4-7 pas, 8-11 last in-use state, 16.. seq of last state change
    private final LongMap<Void> map = new LongMap<>(1024);
    private final long[] countByState = new long[GranuleState.values().length];
    private long realmPas;

    private static long key(long pa) {
        return pa >>> 12;
    }

    /**
     * Slot of the granule holding pa, or -1 when it is not tracked. A row's granule is asked
     * about by the shadow and by several rules (state, PAS, owner, then the update), and the
     * same few granules (RecRun pages, RECs) by many rows: recent lookups are remembered.
     */
    private int find(long pa) {
        return map.findRecent(key(pa));
    }

    public GranuleState state(long pa) {
        int s = find(pa);
        return s < 0 ? GranuleState.UNDELEGATED : GranuleState.of((int) (map.a(s) & 15));
    }

    public Pas pas(long pa) {
        int s = find(pa);
        return s < 0 ? Pas.NS : Pas.of((int) ((map.a(s) >>> 4) & 15));
    }

    /** What the granule was last used as (RD, REC, ...), UNKNOWN if never. */
    public GranuleState lastUse(long pa) {
        int s = find(pa);
        return s < 0 ? GranuleState.UNKNOWN : GranuleState.of((int) ((map.a(s) >>> 8) & 15));
    }

    /** Owner RD of the granule, or Long.MIN_VALUE. */
    public long owner(long pa) {
        int s = find(pa);
        return s < 0 ? Long.MIN_VALUE : map.b(s);
    }

    /** Seq of the granule's last state change, -1 if never. */
    public long since(long pa) {
        int s = find(pa);
        return s < 0 ? -1 : (map.a(s) >>> 16) - 1;
    }

    private int slot(long pa) {
        int s = find(pa);
        if (s >= 0) return s;
        s = map.slot(key(pa));
        map.setA(s, GranuleState.UNDELEGATED.ordinal() | ((long) Pas.NS.ordinal() << 4)
                | ((long) GranuleState.UNKNOWN.ordinal() << 8));
        map.setB(s, Long.MIN_VALUE);
        countByState[GranuleState.UNDELEGATED.ordinal()]++;
        return s;
    }

    public void setState(long pa, GranuleState to, long owner, long seq) {
        int s = slot(pa);
        long a = map.a(s);
        GranuleState from = GranuleState.of((int) (a & 15));
        countByState[from.ordinal()]--;
        countByState[to.ordinal()]++;
        long use = from.inUse() ? from.ordinal() : (a >>> 8) & 15;
        map.setA(s, to.ordinal() | (a & 0xF0) | (use << 8) | ((seq + 1) << 16));
        map.setB(s, to.inUse() ? owner : Long.MIN_VALUE);
        dropIfPlain(pa, s);
    }

    public void setPas(long pa, Pas to) {
        int s = slot(pa);
        long a = map.a(s);
        Pas from = Pas.of((int) ((a >>> 4) & 15));
        if (from == Pas.REALM) realmPas--;
        if (to == Pas.REALM) realmPas++;
        map.setA(s, (a & ~0xF0L) | ((long) to.ordinal() << 4));
        dropIfPlain(pa, s);
    }

    private void dropIfPlain(long pa, int s) {
        long a = map.a(s);
        GranuleState use = GranuleState.of((int) ((a >>> 8) & 15));
        boolean plain = (a & 0xFF) == (GranuleState.UNDELEGATED.ordinal() | (Pas.NS.ordinal() << 4));
        if (plain && use != GranuleState.RD && use != GranuleState.REC) {
            countByState[GranuleState.UNDELEGATED.ordinal()]--;
            map.remove(key(pa));
        }
    }

    /** Number of tracked granules in a state (UNDELEGATED counts only tracked ones). */
    public long count(GranuleState s) {
        return countByState[s.ordinal()];
    }

    /** Number of granules whose PAS is Realm. */
    public long realmPasCount() {
        return realmPas;
    }

    public int tracked() {
        return map.size();
    }
}
