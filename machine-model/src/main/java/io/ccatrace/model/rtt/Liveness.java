package io.ccatrace.model.rtt;

/**
 * The two liveness notions of reference 11.6. An RTT is live (RTT_DESTROY `rtt_live`,
 * REALM_DESTROY `realm_live`) while it holds a TABLE or a protected ASSIGNED entry. The
 * "top" output of DATA_DESTROY, RTT_DESTROY and RTT_UNMAP_UNPROTECTED ends at the first
 * entry that holds anything: ASSIGNED (any RIPAS), ASSIGNED_NS or TABLE (docs/model-decisions.md).
 */
public final class Liveness {
    private Liveness() {
    }

    /** Whether an entry in state s keeps its table live (the per-RTT reference count). */
    public static boolean keepsTableLive(RttState s) {
        return s == RttState.TABLE || s == RttState.ASSIGNED;
    }

    /** Whether an entry in state s ends the non-live run scanned for a "top" output. */
    public static boolean endsNonLiveRun(RttState s) {
        return s == RttState.TABLE || s == RttState.ASSIGNED || s == RttState.ASSIGNED_NS;
    }

    /**
     * The "top" output: within the table the walk for ipa reached, ipa itself if its entry is
     * live, else the base of the next live entry after it, or the end of the table's range.
     */
    public static long nonLiveTop(RttWalk w, long ipa) {
        Rtt t = w.table();
        if (endsNonLiveRun(t.state(w.index()))) return ipa;
        int i = w.index() + 1;
        while (i < RttGeometry.ENTRIES && !endsNonLiveRun(t.state(i))) i++;
        long size = RttGeometry.size(w.level());
        return (ipa & -size) + (long) (i - w.index()) * size;
    }
}
