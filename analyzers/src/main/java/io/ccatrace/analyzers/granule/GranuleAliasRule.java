package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.analyzers.rtt.RttTree;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule 5: one physical granule mapped at two protected IPAs, or into two realms, or a
 * protected mapping of a granule that is not a DATA granule of that realm, or a DATA granule
 * freed while a protected entry still maps it.
 */
public final class GranuleAliasRule extends BaseRule {
    public static final String ID = "granule-alias";

    public GranuleAliasRule() {
        super(ID, "Granule mapped at two IPAs, into two realms, or mapped while not DATA of the realm",
                "7.1 (DELEGATED -> DATA by DATA_CREATE*, one granule per entry), 4.11/4.12, 11.5",
                EventKind.RTT_ENTRY, EventKind.GRANULE_STATE, EventKind.RMI_CALL);
    }

    /** DATA granules freed while mapped, by the current input: {pa, granule row seq, cause seq}. */
    private final List<long[]> freedMapped = new ArrayList<>();

    /**
     * A DATA granule leaving DATA (DATA_DESTROY: -> DELEGATED) while a protected entry maps
     * it; judged when the next RMI call starts, so the call's own RTT_ENTRY rows may come in
     * either order (4.13: the entry becomes UNASSIGNED in the same call).
     */
    private void freed(EventView e, Shadow s) {
        if (s.granules.state(e.pa()) != GranuleState.DATA || s.row.granuleTo() == GranuleState.DATA) return;
        if (s.mappings.realm(e.pa()) != Shadow.NULL) freedMapped.add(new long[] {e.pa(), e.seq(), e.causeSeq()});
    }

    private void judgeFreed(Shadow s, FindingSink out) {
        for (long[] f : freedMapped) {
            long realm = s.mappings.realm(f[0]);
            if (realm == Shadow.NULL) continue;
            out.violation(ID, realm, "DATA granule " + hex(f[0]) + " was freed (RMI call at seq " + f[2]
                    + ") while protected IPA " + hex(s.mappings.ipa(f[0])) + " of realm " + hex(realm)
                    + " still maps it: the realm keeps using a page the host can take back (4.13: DATA_DESTROY"
                    + " leaves the entry UNASSIGNED)", f[1], f[2]);
        }
        freedMapped.clear();
    }

    @Override
    public void finish(Shadow s, FindingSink out) {
        judgeFreed(s, out);
    }

    /** DATA_CREATE* may emit the RTT row before the granule row of the same call. */
    private static boolean becomingData(Shadow s, long pa, GranuleState st) {
        RmiCommand c = s.input.rmi();
        return st == GranuleState.DELEGATED && s.input.arg(2) == pa
                && (c == RmiCommand.RMI_DATA_CREATE || c == RmiCommand.RMI_DATA_CREATE_UNKNOWN);
    }

    /** An RMI_CALL row: the DATA granules the previous call freed while mapped are judged now. */
    public void onCall(Shadow s, FindingSink out) {
        if (!freedMapped.isEmpty()) judgeFreed(s, out);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.RMI_CALL) {
            onCall(s, out);
            return;
        }
        if (s.row.kind() == EventKind.GRANULE_STATE) {
            freed(e, s);
            return;
        }
        if (s.row.rttTo() != RttState.ASSIGNED || e.pa() == Shadow.NULL) return;
        RealmShadow r = s.realm(e.realm());
        if (r == null) return;
        int level = s.row.level;
        long base = e.ipa() & -RttTree.size(level);
        long n = RttTree.size(level) >>> 12;
        for (long i = 0; i < n; i++) {
            long pa = e.pa() + (i << 12);
            long ipa = base + (i << 12);
            if (s.mappedElsewhere(pa, r.rd, ipa)) {
                long other = s.mappings.realm(pa);
                out.violation(ID, r.rd, "granule " + hex(pa) + " mapped at IPA " + hex(ipa) + " of realm "
                        + hex(r.rd) + " while already mapped at IPA " + hex(s.mappings.ipa(pa))
                        + (other != r.rd ? " of another realm " + hex(other) : "")
                        + ": one page shared between two guest addresses", e.seq(), e.causeSeq());
                return;
            }
            GranuleState st = s.granules.state(pa);
            long owner = s.granules.owner(pa);
            if (st != GranuleState.DATA && !becomingData(s, pa, st)) {
                out.violation(ID, r.rd, "protected IPA " + hex(ipa) + " mapped to granule " + hex(pa)
                        + " in state " + st + ", not DATA: the realm sees memory that is not its own page",
                        e.seq(), e.causeSeq());
                return;
            }
            if (owner != Shadow.NULL && owner != r.rd) {
                out.violation(ID, r.rd, "DATA granule " + hex(pa) + " of realm " + hex(owner)
                        + " mapped into realm " + hex(r.rd) + " at IPA " + hex(ipa), e.seq(), e.causeSeq());
                return;
            }
        }
    }
}
