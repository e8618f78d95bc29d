package io.ccatrace.model.rtt;

/**
 * Fold (reference 11.5, RTT_FOLD): the single parent entry that replaces a homogeneous
 * child table, or null when the child is not homogeneous.
 */
public record FoldedEntry(RttState state, Ripas ripas, long addr, long attrs) {
    /** Lowest level that may hold an ASSIGNED or ASSIGNED_NS block (TF-RMM S2TT_MIN_BLOCK_LEVEL). */
    public static final int MIN_BLOCK_LEVEL = 1;

    /**
     * The folded form of child: all UNASSIGNED with one RIPAS, all UNASSIGNED_NS, all
     * ASSIGNED with one RIPAS, or all ASSIGNED_NS with one set of attributes, where the
     * assigned kinds must map PAs contiguous from a first PA aligned to size(parent level).
     */
    public static FoldedEntry of(Rtt child) {
        RttState st = child.state(0);
        Ripas rp = child.ripas(0);
        if (st == RttState.TABLE) return null;
        boolean block = st == RttState.ASSIGNED || st == RttState.ASSIGNED_NS;
        long first = child.addr(0);
        long size = RttGeometry.size(child.level());
        if (block && !RttGeometry.aligned(first, child.level() - 1)) return null;
        for (int i = 1; i < RttGeometry.ENTRIES; i++) {
            if (child.state(i) != st || child.ripas(i) != rp) return null;
            if (block && (child.addr(i) != first + i * size
                    || child.attrs(i) != child.attrs(0))) {
                return null;
            }
        }
        return new FoldedEntry(st, rp, block ? first : 0, block ? child.attrs(0) : 0);
    }

    /** Whether the folded entry would be a block mapping (limited to MIN_BLOCK_LEVEL and below). */
    public boolean isBlock() {
        return state == RttState.ASSIGNED || state == RttState.ASSIGNED_NS;
    }

    /** Whether this fold may be written at parentLevel (blocks only at levels 1-2). */
    public boolean allowedAt(int parentLevel) {
        return !isBlock() || parentLevel >= MIN_BLOCK_LEVEL;
    }
}
