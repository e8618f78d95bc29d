package io.ccatrace.model.rtt;

/**
 * One Realm Translation Table granule: 512 entries at a level, covering
 * [baseIpa, baseIpa + 512 * size(level)). Entry fields: state, RIPAS (protected entries),
 * output address (DATA/block PA, NS PA, or next-level RTT PA) and the host attribute bits of
 * an ASSIGNED_NS entry (MemAttr, S2AP). Mutated only through {@link RttEntries}.
 */
public final class Rtt {
    private static final RttState[] STATES = RttState.values();
    private static final Ripas[] RIPAS = Ripas.values();

    private final long pa;
    private final long realm;
    private final int level;
    private final long baseIpa;
    final byte[] state = new byte[RttGeometry.ENTRIES];
    final byte[] ripas = new byte[RttGeometry.ENTRIES];
    final long[] addr = new long[RttGeometry.ENTRIES];
    final long[] attrs = new long[RttGeometry.ENTRIES];
    int liveCount;
    /**
     * The table each TABLE entry links to, when linked through {@link RttEntries#link}
     * (allocated at the first link; null entries elsewhere): the walk's next level without a
     * granule lookup. Cleared by any other change of the entry.
     */
    Rtt[] next;

    public Rtt(long pa, long realm, int level, long baseIpa) {
        this.pa = pa;
        this.realm = realm;
        this.level = level;
        this.baseIpa = baseIpa;
    }

    public long pa() { return pa; }
    public long realm() { return realm; }
    public int level() { return level; }
    public long baseIpa() { return baseIpa; }

    /** IPA just after the last entry. */
    public long topIpa() {
        return baseIpa + RttGeometry.ENTRIES * RttGeometry.size(level);
    }

    public long entryIpa(int i) {
        return baseIpa + i * RttGeometry.size(level);
    }

    public RttState state(int i) { return STATES[state[i]]; }
    public Ripas ripas(int i) { return RIPAS[ripas[i]]; }
    public long addr(int i) { return addr[i]; }
    public long attrs(int i) { return attrs[i]; }

    /** The table entry i links to, or null when it is not a TABLE entry made by a link. */
    public Rtt next(int i) { return next == null ? null : next[i]; }

    /** Entries that keep the RTT live: TABLE and protected ASSIGNED (reference 7.1). */
    public int liveCount() { return liveCount; }
}
