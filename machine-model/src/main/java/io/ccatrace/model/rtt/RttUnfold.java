package io.ccatrace.model.rtt;

/**
 * Unfold (reference 11.5, RTT_CREATE): a new table below a non-TABLE parent entry takes the
 * parent's state and RIPAS in all 512 entries; below an ASSIGNED or ASSIGNED_NS block, entry
 * i maps the block's PA + i * size(child level) with the block's attributes.
 */
public final class RttUnfold {
    private RttUnfold() {
    }

    /** Fills child (one level below parent) from entry i of parent, which is not TABLE. */
    public static void fill(Rtt child, Rtt parent, int i) {
        RttState st = parent.state(i);
        if (st == RttState.TABLE) {
            throw new IllegalStateException("unfold below a TABLE entry");
        }
        boolean block = st == RttState.ASSIGNED || st == RttState.ASSIGNED_NS;
        long stride = block ? RttGeometry.size(child.level()) : 0;
        long first = block ? parent.addr(i) : 0;
        RttEntries.fillUnfolded(child, st, parent.ripas(i), first, stride, parent.attrs(i));
    }
}
