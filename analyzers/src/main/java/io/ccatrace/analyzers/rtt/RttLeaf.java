package io.ccatrace.analyzers.rtt;

/** Result of a walk: the entry reached, its level and base IPA. Reused to avoid allocation. */
public final class RttLeaf {
    int level;
    long base;
    long packed;
    long seq;

    public int level() { return level; }
    /** Base IPA of the entry (ipa aligned down to the entry's size). */
    public long base() { return base; }
    public long top() { return base + RttTree.size(level); }
    public RttState state() { return RttTree.state(packed); }
    public Ripas ripas() { return RttTree.ripas(packed); }
    /** Output address of the entry (block/page PA), 0 if none. */
    public long pa() { return RttTree.pa(packed); }
    /** Seq of the event that last set this entry (or its parent when inherited), -1 if never. */
    public long seq() { return seq; }

    /** PA the entry maps ipa to (for ASSIGNED blocks: offset inside the block). */
    public long paAt(long ipa) {
        return pa() + (ipa - base);
    }

    /** Whether the realm can access ipa through this entry without a fault. */
    public boolean mappedRam() {
        return state() == RttState.ASSIGNED && ripas() == Ripas.RAM;
    }
}
