package io.ccatrace.analyzers.rtt;

import io.ccatrace.analyzers.engine.LongMap;

/**
 * Shadow of one realm's stage-2 translation tables: the entries the trace has shown, keyed
 * by (level, ipa). Entries never shown take their value from the walk: the starting level
 * defaults to UNASSIGNED EMPTY (protected half) or UNASSIGNED_NS (unprotected half), as
 * REALM_CREATE leaves it (reference 4.5); below a TABLE, an entry not shown is the unfolded
 * copy of what the parent was before it became a TABLE (reference 11.5). So RTT_CREATE
 * needs no per-child rows, and memory is proportional to the entries that differ.
 */
public final class RttTree {
    // packed entry: bits 0-2 state, 3-4 ripas, 5-7 state before TABLE, 8-9 ripas before
    // TABLE, bits 12.. output address (page aligned)
    private static final long PA_MASK = ~0xFFFL;
    private final LongMap<Void> entries = new LongMap<>(64);
    private final RttLeaf scratch = new RttLeaf();
    private int startLevel;
    private int s2sz;
    /** Bumped by every change, so a walk result can be reused while it is unchanged. */
    private long version;

    public RttTree(int s2sz, int startLevel) {
        this.s2sz = s2sz;
        this.startLevel = startLevel;
    }

    public void geometry(int s2sz, int startLevel) {
        this.s2sz = s2sz;
        this.startLevel = startLevel;
        version++;
    }

    /** Changes with every update of the tree or its geometry. */
    public long version() {
        return version;
    }

    public int s2sz() { return s2sz; }
    public int startLevel() { return startLevel; }

    /** Bytes mapped by one entry at level (reference 11.1). */
    public static long size(int level) {
        return 1L << (12 + 9 * (3 - level));
    }

    /** Whether ipa is in the protected half [0, 2^(w-1)) (reference 8.1). */
    public boolean isProtected(long ipa) {
        return Long.compareUnsigned(ipa, 1L << (s2sz - 1)) < 0;
    }

    /** Whether ipa is inside the realm's IPA space [0, 2^w). */
    public boolean inRange(long ipa) {
        return s2sz >= 64 || Long.compareUnsigned(ipa, 1L << s2sz) < 0;
    }

    static long pack(RttState s, Ripas r, long pa) {
        return s.ordinal() | ((long) r.ordinal() << 3) | (pa & PA_MASK);
    }

    static RttState state(long p) { return RttState.of((int) (p & 7)); }
    static Ripas ripas(long p) { return Ripas.of((int) ((p >>> 3) & 3)); }
    static long pa(long p) { return p & PA_MASK; }

    private static long key(long ipa, int level) {
        return (ipa & -size(level)) | (level + 1);
    }

    private long defaultEntry(long ipa) {
        return isProtected(ipa) ? pack(RttState.UNASSIGNED, Ripas.EMPTY, 0)
                : pack(RttState.UNASSIGNED_NS, Ripas.NONE, 0);
    }

    /** The entry a child at childLevel inherits from a TABLE parent (unfold, 11.5). */
    private static long unfold(long table, long ipa, int childLevel) {
        RttState prior = RttState.of((int) ((table >>> 5) & 7));
        Ripas r = Ripas.of((int) ((table >>> 8) & 3));
        long pa = 0;
        if (prior.isAssigned()) {
            long parentSize = size(childLevel - 1);
            pa = pa(table) + ((ipa & (parentSize - 1)) & -size(childLevel));
        }
        return pack(prior, r, pa);
    }

    /** Walks to the leaf entry covering ipa. */
    public void walk(long ipa, RttLeaf leaf) {
        walkTo(ipa, 3, leaf);
    }

    /** Walks toward maxLevel, stopping at the first entry that is not a TABLE. */
    public void walkTo(long ipa, int maxLevel, RttLeaf leaf) {
        int level = startLevel;
        long parent = 0;
        long parentSeq = -1;
        while (true) {
            int s = entries.find(key(ipa, level));
            long p;
            long sq;
            if (s >= 0) {
                p = entries.a(s);
                sq = entries.b(s);
            } else if (level == startLevel) {
                p = defaultEntry(ipa);
                sq = -1;
            } else {
                p = unfold(parent, ipa, level);
                sq = parentSeq;
            }
            if (state(p) != RttState.TABLE || level >= maxLevel || level >= 3) {
                leaf.level = level;
                leaf.base = ipa & -size(level);
                leaf.packed = p;
                leaf.seq = sq;
                return;
            }
            parent = p;
            parentSeq = sq;
            level++;
        }
    }

    /** Applies an RTT_ENTRY row: the entry at (ipa, level) becomes (to, ripas, pa). */
    public void apply(long ipa, int level, RttState to, Ripas ripas, long pa, long seq) {
        walkTo(ipa, level, scratch);
        apply(ipa, level, to, ripas, pa, seq, scratch);
    }

    /**
     * {@link #apply(long, int, RttState, Ripas, long, long)} for a caller that has just walked
     * this tree to (ipa, level) with {@link #walkTo} and not changed it since: the walk, a
     * probe per level into a table as large as the realm's mappings, is not repeated.
     */
    public void apply(long ipa, int level, RttState to, Ripas ripas, long pa, long seq, RttLeaf walked) {
        long cur = walked.level == level ? walked.packed : pack(RttState.ABSENT, Ripas.NONE, 0);
        long np;
        if (to == RttState.TABLE && state(cur) == RttState.TABLE) {
            np = cur;
        } else if (to == RttState.TABLE) {
            np = pack(RttState.TABLE, Ripas.NONE, pa(cur)) | ((cur & 7) << 5) | (((cur >>> 3) & 3) << 8);
        } else {
            np = pack(to, to.isProtected() ? ripas : Ripas.NONE, to.isAssigned() ? pa : 0);
        }
        if (state(cur) == RttState.TABLE && to != RttState.TABLE) {
            removeBelow(ipa & -size(level), level);
        }
        version++;
        int s = entries.slot(key(ipa, level));
        entries.setA(s, np);
        entries.setB(s, seq);
    }

    private void removeBelow(long base, int level) {
        if (level >= 3) return;
        int child = level + 1;
        long step = size(child);
        for (int i = 0; i < 512; i++) {
            long k = key(base + i * step, child);
            int s = entries.find(k);
            if (s >= 0) {
                if (state(entries.a(s)) == RttState.TABLE) removeBelow(base + i * step, child);
                entries.remove(k);
            }
        }
    }

    /**
     * Whether the RTT at level covering ipa is live: one of its 512 entries is a TABLE or a
     * protected ASSIGNED entry (reference 4.15 rtt_live, 11.6).
     */
    public boolean childLive(long ipa, int level) {
        long base = ipa & -size(level - 1);
        long step = size(level);
        RttLeaf l = new RttLeaf();
        for (int i = 0; i < 512; i++) {
            walkTo(base + i * step, level, l);
            if (l.level != level) return false;
            if (l.state() == RttState.TABLE || l.state() == RttState.ASSIGNED) return true;
        }
        return false;
    }

    /** Whether any starting-level entry is a TABLE or protected ASSIGNED (reference 4.7). */
    public boolean startLive() {
        for (int s = 0; s < entries.capacity(); s++) {
            if (!entries.used(s) || (int) (entries.keyAt(s) & 0xFFF) != startLevel + 1) continue;
            RttState st = state(entries.a(s));
            if (st == RttState.TABLE || st == RttState.ASSIGNED) return true;
        }
        return false;
    }

    /** Number of entries held (for memory accounting). */
    public int size() {
        return entries.size();
    }
}
