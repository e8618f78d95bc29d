package io.ccatrace.model.rtt;

/**
 * RTT_SET_RIPAS per-entry rule (reference 4.21 table): an UNASSIGNED or ASSIGNED entry takes
 * the requested RIPAS (no change counts as progress); a DESTROYED entry changes only when the
 * realm asked for change_destroyed, else it stops the sweep; TABLE and unprotected entries
 * stop it.
 */
public final class RipasChange implements RipasSweep.Step {
    private final RttEntries entries;
    private final Ripas target;
    private final boolean changeDestroyed;

    public RipasChange(RttEntries entries, Ripas target, boolean changeDestroyed) {
        if (target == Ripas.DESTROYED) {
            throw new IllegalArgumentException("a realm can only request EMPTY or RAM");
        }
        this.entries = entries;
        this.target = target;
        this.changeDestroyed = changeDestroyed;
    }

    @Override
    public boolean apply(Rtt t, int i, long entryBase, long entryTop) {
        RttState st = t.state(i);
        if (st != RttState.UNASSIGNED && st != RttState.ASSIGNED) return false;
        if (t.ripas(i) == Ripas.DESTROYED && !changeDestroyed) return false;
        entries.set(t, i, st, target, t.addr(i), t.attrs(i));
        return true;
    }
}
