package io.ccatrace.replay.history;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * `history --ipa IPA --realm RD`: an IPA names memory in one realm, and every realm of a
 * trace has the same IPA layout, so without it the history of an IPA mixes the realms. An
 * event is the realm's when its realm column is RD, when it is an RMI call whose x1 is RD
 * (every RMI command that takes an IPA takes the RD in x1, reference 4.11-4.21), or when it has
 * no realm column but names a REC of the realm (a guest step): which RECs are the realm's, the
 * rows carrying both columns say (REC_STATE, REC_EXIT). It sees every row, matching or not.
 */
public final class RealmFilter {
    private final long rd;
    private final Set<Long> recs = new HashSet<>();
    private boolean seen;

    public RealmFilter(long rd) {
        this.rd = rd;
    }

    /** Whether e is the realm's; call it for every row, in order. */
    public boolean keeps(EventView e) {
        long realm = e.realm();
        long rec = e.rec();
        if (realm != TraceEvent.NULL) {
            if (realm != rd) return false;
            seen = true;
            if (rec != TraceEvent.NULL) recs.add(rec);
            return true;
        }
        if (e.kind() == EventKind.RMI_CALL) {
            long[] a = e.args();
            boolean mine = a != null && a.length > 0 && a[0] == rd;
            seen |= mine;
            return mine;
        }
        return rec != TraceEvent.NULL && recs.contains(rec);
    }

    /** Whether any row named the realm. */
    public boolean seen() {
        return seen;
    }

    public long rd() {
        return rd;
    }
}
