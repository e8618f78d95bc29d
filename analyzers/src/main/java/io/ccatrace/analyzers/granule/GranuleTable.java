package io.ccatrace.analyzers.granule;

/**
 * Shadow of every granule the trace has touched: state (7.1), PAS (14), owner realm, the
 * seq since which it is in its state, and what it was last used as (so a call naming a
 * destroyed RD or REC can be told apart from one naming junk). Granules never seen are
 * UNDELEGATED with PAS NS, as after boot. Entries back at UNDELEGATED/NS with no history
 * worth keeping are dropped, so the count of tracked granules follows the delegated set;
 * the table itself ({@link GranuleWords}) is dense over the address space the trace touches.
 */
public final class GranuleTable {
    // a: bits 0-3 state, 4-7 pas, 8-11 last in-use state, 12 tracked, 16.. seq of last state change + 1
    private static final long TRACKED = 1L << 12;
    private static final long UNTRACKED = GranuleState.UNDELEGATED.ordinal() | ((long) Pas.NS.ordinal() << 4)
            | ((long) GranuleState.UNKNOWN.ordinal() << 8);
    private final GranuleWords words;
    private final long[] countByState = new long[GranuleState.values().length];
    private long realmPas;

    public GranuleTable() {
        this(new GranuleWords());
    }

    /** Over the given storage (tests run the same table over the dense and the hash-only one). */
    GranuleTable(GranuleWords words) {
        this.words = words;
    }

    /** Word a of the granule holding pa: what an untracked granule is when it is not tracked. */
    private long a(long pa) {
        long a = words.a(pa);
        return a == 0 ? UNTRACKED : a;
    }

    public GranuleState state(long pa) {
        return GranuleState.of((int) (a(pa) & 15));
    }

    public Pas pas(long pa) {
        return Pas.of((int) ((a(pa) >>> 4) & 15));
    }

    /** What the granule was last used as (RD, REC, ...), UNKNOWN if never. */
    public GranuleState lastUse(long pa) {
        return GranuleState.of((int) ((a(pa) >>> 8) & 15));
    }

    /** Owner RD of the granule, or Long.MIN_VALUE. */
    public long owner(long pa) {
        return words.a(pa) == 0 ? Long.MIN_VALUE : words.b(pa);
    }

    /** Seq of the granule's last state change, -1 if never. */
    public long since(long pa) {
        long a = words.a(pa);
        return a == 0 ? -1 : (a >>> 16) - 1;
    }

    /** Word a of the granule, tracking it (as UNDELEGATED, NS, never used) if it was not. */
    private long track(long pa) {
        long a = words.a(pa);
        if (a != 0) return a;
        countByState[GranuleState.UNDELEGATED.ordinal()]++;
        words.set(pa, UNTRACKED | TRACKED, Long.MIN_VALUE);
        return UNTRACKED | TRACKED;
    }

    public void setState(long pa, GranuleState to, long owner, long seq) {
        long a = track(pa);
        GranuleState from = GranuleState.of((int) (a & 15));
        countByState[from.ordinal()]--;
        countByState[to.ordinal()]++;
        long use = from.inUse() ? from.ordinal() : (a >>> 8) & 15;
        long next = to.ordinal() | (a & 0xF0) | (use << 8) | TRACKED | ((seq + 1) << 16);
        words.set(pa, next, to.inUse() ? owner : Long.MIN_VALUE);
        dropIfPlain(pa, next);
    }

    public void setPas(long pa, Pas to) {
        long a = track(pa);
        Pas from = Pas.of((int) ((a >>> 4) & 15));
        if (from == Pas.REALM) realmPas--;
        if (to == Pas.REALM) realmPas++;
        long next = (a & ~0xF0L) | ((long) to.ordinal() << 4);
        words.set(pa, next, words.b(pa));
        dropIfPlain(pa, next);
    }

    private void dropIfPlain(long pa, long a) {
        GranuleState use = GranuleState.of((int) ((a >>> 8) & 15));
        boolean plain = (a & 0xFF) == (GranuleState.UNDELEGATED.ordinal() | (Pas.NS.ordinal() << 4));
        if (plain && use != GranuleState.RD && use != GranuleState.REC) {
            countByState[GranuleState.UNDELEGATED.ordinal()]--;
            words.remove(pa);
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
        return words.size();
    }
}
