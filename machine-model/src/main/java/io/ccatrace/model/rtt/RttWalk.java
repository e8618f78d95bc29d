package io.ccatrace.model.rtt;

import io.ccatrace.model.granule.GranuleTable;
import java.util.List;

/**
 * Result of walking a realm's stage-2 tables toward a level: the last table reached, the
 * entry index for the IPA in it, and that table's level. The walk stops early at the first
 * entry that is not TABLE.
 */
public record RttWalk(Rtt table, int index, int level) {

    public RttState state() { return table.state(index); }
    public Ripas ripas() { return table.ripas(index); }
    public long addr() { return table.addr(index); }

    /**
     * Walks from the starting tables toward `target` level (clamped to [start, 3]).
     * ipa must be below 2^s2sz.
     */
    public static RttWalk walk(List<Rtt> starting, GranuleTable granules, long ipa, int target) {
        Rtt first = starting.get(0);
        int level = first.level();
        long idx = (ipa - first.baseIpa()) >>> RttGeometry.shift(level);
        Rtt t = starting.get((int) (idx / RttGeometry.ENTRIES));
        int i = (int) (idx % RttGeometry.ENTRIES);
        while (level < target && t.state(i) == RttState.TABLE) {
            Rtt next = t.next(i);
            t = next != null ? next : (Rtt) granules.get(t.addr(i)).content();
            level = t.level();
            i = (int) ((ipa >>> RttGeometry.shift(level)) & (RttGeometry.ENTRIES - 1));
        }
        return new RttWalk(t, i, level);
    }
}
