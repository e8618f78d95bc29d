package io.ccatrace.model.stage2;

import io.ccatrace.model.granule.GranuleTable;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttWalk;

/**
 * Stage-2 translation of one realm access (reference 8.1, 8.2): walks the realm's RTTs and
 * says whether the access reaches memory, gets an SEA, or takes an abort to the RMM.
 */
public final class Stage2 {
    /** What the translation decided. */
    public enum Outcome {
        /** The access reaches pa (a DATA granule, or an NS page through an ASSIGNED_NS entry). */
        MAPPED,
        /** Synchronous External Abort injected into the realm; no exit. */
        SEA,
        /** Abort exits to the host; the host can back the IPA (or emulate it). */
        EXIT,
        /** Abort exits to the host; no mapping is possible (RIPAS DESTROYED). */
        NO_PROGRESS,
        /** Stage-2 permission fault on an ASSIGNED_NS entry: exits to the host. */
        PERMISSION
    }

    /** Half names as STAGE2_FAULT reports them; OUTSIDE for an IPA at or above 2^s2sz. */
    public static final String PROTECTED = "PROTECTED", UNPROTECTED = "UNPROTECTED",
            OUTSIDE = "OUTSIDE";

    /**
     * @param pa    output address when MAPPED
     * @param half  PROTECTED, UNPROTECTED or OUTSIDE
     * @param hipas entry state where the walk stopped (null when OUTSIDE)
     * @param ripas RIPAS of a protected entry (null otherwise)
     * @param level level of that entry
     */
    public record Translation(Outcome outcome, long pa, String half, RttState hipas, Ripas ripas,
                              int level) {
        public boolean isProtected() {
            return PROTECTED.equals(half);
        }
    }

    private Stage2() {
    }

    public static Translation translate(Realm realm, GranuleTable granules, long ipa, Access a) {
        if (!realm.inRange(ipa)) {
            return new Translation(Outcome.SEA, 0, OUTSIDE, null, null, 0);
        }
        RttWalk w = RttWalk.walk(realm.startingRtts(), granules, ipa, RttGeometry.MAX_LEVEL);
        RttState st = w.state();
        long pa = w.addr() + (ipa & (RttGeometry.size(w.level()) - 1));
        if (realm.isProtected(ipa)) {
            Ripas r = w.ripas();
            Outcome o;
            if (r == Ripas.DESTROYED) {
                o = Outcome.NO_PROGRESS;
            } else if (r == Ripas.EMPTY) {
                o = Outcome.SEA;
            } else {
                o = st == RttState.ASSIGNED ? Outcome.MAPPED : Outcome.EXIT;
            }
            return new Translation(o, pa, PROTECTED, st, r, w.level());
        }
        Outcome o;
        if (a == Access.EXEC) {
            o = Outcome.SEA;                                   // unprotected is execute-never
        } else if (st != RttState.ASSIGNED_NS) {
            o = Outcome.EXIT;
        } else {
            o = permits(w.table().attrs(w.index()), a) ? Outcome.MAPPED : Outcome.PERMISSION;
        }
        return new Translation(o, pa, UNPROTECTED, st, null, w.level());
    }

    /** S2AP [7:6] of the host's descriptor bits: bit 6 allows reads, bit 7 writes. */
    static boolean permits(long attrs, Access a) {
        long s2ap = (attrs >>> 6) & 3;
        return a == Access.READ ? (s2ap & 1) != 0 : (s2ap & 2) != 0;
    }
}
