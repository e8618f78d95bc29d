package io.ccatrace.analyzers.rmi;

import io.ccatrace.analyzers.engine.DecodedRow;
import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.analyzers.granule.Pas;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.realm.RealmState;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.analyzers.rtt.RttTree;
import io.ccatrace.trace.TraceEvent;

/**
 * For an RMI call, whether the shadow state says the specification requires it to fail,
 * and why: the failure conditions of reference sections 4 and 5 that the trace's own
 * history can decide, checked in the spec's order. (IPA-half conditions belong to rules 1
 * and 2.) Returns null when nothing forces a failure.
 */
public final class RmiExpectations {
    private static final long NULL = TraceEvent.NULL;
    private final Shadow s;
    private final RecEntryExpectations entry;

    public RmiExpectations(Shadow s) {
        this.s = s;
        this.entry = new RecEntryExpectations(s, this);
        checks();
    }

    /**
     * The verdict for the current row's call c, its registers read from the row in place.
     * Each command's check is an object of its own, reached through one call site that sees
     * them all: the JIT compiles each frequent command's check on its own and never the rare
     * ones (a realm's creation and destruction at the trace's ends), so a command seen for the
     * first time does not throw away compiled code of the others (docs/performance-log.md,
     * session 10, jit10).
     */
    public Verdict judge(RmiCommand c, DecodedRow row) {
        return checks[c.ordinal()].judge(row);
    }

    /** One command's failure conditions, over the row's registers. */
    private interface Check {
        Verdict judge(DecodedRow row);
    }

    private final Check[] checks = new Check[RmiCommand.values().length];

    private void checks() {
        java.util.Arrays.fill(checks, (Check) row -> null);
        checks[RmiCommand.RMI_GRANULE_DELEGATE.ordinal()] = row -> delegate(row.arg(1));
        checks[RmiCommand.RMI_GRANULE_UNDELEGATE.ordinal()] = row -> undelegate(row.arg(1));
        checks[RmiCommand.RMI_REALM_CREATE.ordinal()] = row -> realmCreate(row.arg(1), row.arg(2));
        checks[RmiCommand.RMI_REALM_ACTIVATE.ordinal()] = row -> realmActivate(row.arg(1));
        checks[RmiCommand.RMI_REALM_DESTROY.ordinal()] = row -> realmDestroy(row.arg(1));
        checks[RmiCommand.RMI_REC_CREATE.ordinal()] = row -> recCreate(row.arg(1), row.arg(2), row.arg(3));
        checks[RmiCommand.RMI_REC_DESTROY.ordinal()] = row -> recDestroy(row.arg(1));
        checks[RmiCommand.RMI_REC_ENTER.ordinal()] = row -> entry.judge(row.arg(1), row.arg(2));
        checks[RmiCommand.RMI_DATA_CREATE.ordinal()] = row -> dataCreate(row.arg(1), row.arg(2), row.arg(3), row.arg(4), true);
        checks[RmiCommand.RMI_DATA_CREATE_UNKNOWN.ordinal()] = row -> dataCreate(row.arg(1), row.arg(2), row.arg(3), NULL, false);
        checks[RmiCommand.RMI_DATA_DESTROY.ordinal()] = row -> dataDestroy(row.arg(1), row.arg(2));
        checks[RmiCommand.RMI_RTT_CREATE.ordinal()] = row -> rttCreate(row.arg(1), row.arg(2), row.arg(3), row.arg(4));
        checks[RmiCommand.RMI_RTT_DESTROY.ordinal()] = row -> rttDestroy(row.arg(1), row.arg(2), row.arg(3));
        checks[RmiCommand.RMI_RTT_MAP_UNPROTECTED.ordinal()] = row -> rttMapUnprotected(row.arg(1), row.arg(2), row.arg(3));
        checks[RmiCommand.RMI_RTT_UNMAP_UNPROTECTED.ordinal()] = row -> rttUnmapUnprotected(row.arg(1), row.arg(2), row.arg(3));
        checks[RmiCommand.RMI_RTT_INIT_RIPAS.ordinal()] = row -> initRipas(row.arg(1), row.arg(2), row.arg(3));
        checks[RmiCommand.RMI_RTT_SET_RIPAS.ordinal()] = row -> setRipas(row.arg(1), row.arg(2), row.arg(3), row.arg(4));
        checks[RmiCommand.RMI_PSCI_COMPLETE.ordinal()] = row -> psciComplete(row.arg(1), row.arg(2));
        checks[RmiCommand.RMI_REC_AUX_COUNT.ordinal()] = row -> rd(row.arg(1));
        checks[RmiCommand.RMI_RTT_READ_ENTRY.ordinal()] = row -> rd(row.arg(1));
        checks[RmiCommand.RMI_RTT_FOLD.ordinal()] = row -> rd(row.arg(1));
        checks[RmiCommand.RMI_FEATURES.ordinal()] = this::features;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private GranuleState st(long pa) {
        return s.granules.state(pa);
    }

    private Verdict delegate(long pa) {
        if (pa == NULL) return null;
        if ((pa & 0xFFF) != 0) return Verdict.fail("address " + hex(pa) + " is not 4 KiB aligned (4.3 gran_align)");
        if (st(pa) != GranuleState.UNDELEGATED) {
            return Verdict.fail("granule " + hex(pa) + " is already " + st(pa) + " (4.3 gran_state)");
        }
        Pas pas = s.granules.pas(pa);
        if (pas != Pas.NS) return Verdict.fail("granule " + hex(pa) + " has PAS " + pas + ", not NS (4.3 gran_gpt)");
        return null;
    }

    private Verdict undelegate(long pa) {
        if (pa == NULL) return null;
        if ((pa & 0xFFF) != 0) return Verdict.fail("address " + hex(pa) + " is not 4 KiB aligned (4.4 gran_align)");
        if (st(pa) != GranuleState.DELEGATED) {
            return Verdict.fail("granule " + hex(pa) + " is " + st(pa) + ", not DELEGATED (4.4 gran_state)");
        }
        return null;
    }

    /** rd must name a live RD (rd_state); naming a destroyed one is lifecycle misuse. */
    Verdict rd(long rd) {
        if (rd == NULL) return null;
        if (st(rd) == GranuleState.RD) return null;
        if (s.destroyedObject(rd, GranuleState.RD)) {
            return Verdict.lifecycle("realm " + hex(rd) + " was destroyed; its RD granule is now " + st(rd) + " (rd_state)");
        }
        return Verdict.fail(hex(rd) + " is " + st(rd) + ", not an RD (rd_state)");
    }

    /** rec must name a live REC; naming a destroyed one is lifecycle misuse. */
    Verdict rec(long rec) {
        if (rec == NULL) return null;
        if (st(rec) == GranuleState.REC) return null;
        if (s.destroyedObject(rec, GranuleState.REC)) {
            return Verdict.lifecycle("REC " + hex(rec) + " was destroyed; its granule is now " + st(rec) + " (rec_gran_state)");
        }
        return Verdict.fail(hex(rec) + " is " + st(rec) + ", not a REC (rec_gran_state)");
    }

    private Verdict nsParams(long params, String label) {
        if (params == NULL) return null;
        if ((params & 0xFFF) != 0) return Verdict.fail("params " + hex(params) + " not aligned (" + label + ")");
        Pas pas = s.granules.pas(params);
        if (pas != Pas.NS) return Verdict.fail("params " + hex(params) + " has PAS " + pas + " (" + label + ")");
        return null;
    }

    private Verdict realmCreate(long rd, long params) {
        Verdict v = nsParams(params, "4.5 params_pas");
        if (v != null) return v;
        if (rd != NULL && st(rd) != GranuleState.DELEGATED) {
            return Verdict.fail("rd " + hex(rd) + " is " + st(rd) + ", not DELEGATED (4.5 rd_state)");
        }
        if (params == NULL) return null;
        long rttBase = s.ns.read(params + 0x808, 8);
        long num = s.ns.read(params + 0x818, 4);
        for (long i = 0; i < Math.min(num, 16); i++) {
            long rtt = rttBase + (i << 12);
            if (rtt == rd) return Verdict.fail("rd " + hex(rd) + " is one of the starting RTTs (4.5 alias)");
            if (st(rtt) != GranuleState.DELEGATED) {
                return Verdict.fail("starting RTT " + hex(rtt) + " is " + st(rtt) + ", not DELEGATED (4.5 rtt_state)");
            }
        }
        return null;
    }

    private Verdict realmActivate(long rd) {
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmState state = s.realmState(rd);
        if (state != RealmState.NEW && state != RealmState.NONE) {
            return Verdict.fail("realm " + hex(rd) + " is " + state + ", not NEW (4.6 realm_state)");
        }
        return null;
    }

    private Verdict realmDestroy(long rd) {
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmShadow r = s.realm(rd);
        if (r == null) return null;
        if (r.liveRecs > 0) return Verdict.fail("realm " + hex(rd) + " still has " + r.liveRecs + " REC(s) (4.7 realm_live)");
        if (r.rtt.startLive()) return Verdict.fail("realm " + hex(rd) + " still has live RTT entries (4.7 realm_live)");
        return null;
    }

    private Verdict recCreate(long rd, long rec, long params) {
        Verdict v = nsParams(params, "4.9 params_pas");
        if (v != null) return v;
        if (params != NULL) {
            long numAux = s.ns.read(params + 0x800, 8);
            if (Long.compareUnsigned(numAux, 16) > 0) return Verdict.fail("num_aux " + numAux + " > 16 (4.9 num_aux)");
            for (int i = 0; i < numAux; i++) {
                long aux = s.ns.read(params + 0x808 + 8L * i, 8);
                if (st(aux) != GranuleState.DELEGATED) {
                    return Verdict.fail("aux[" + i + "] " + hex(aux) + " is " + st(aux) + ", not DELEGATED (4.9 aux_state)");
                }
            }
        }
        if (rec != NULL && st(rec) != GranuleState.DELEGATED) {
            return Verdict.fail("rec " + hex(rec) + " is " + st(rec) + ", not DELEGATED (4.9 rec_state)");
        }
        v = rd(rd);
        if (v != null) return v;
        RealmShadow realm = s.realm(rd);
        if (realm != null && realm.liveRecs >= (1L << maxRecsOrder) - 1) {
            return Verdict.fail("the realm already has " + realm.liveRecs + " live RECs, the most 2^MAX_RECS_ORDER - 1 allows"
                    + " (4.9 row 5; MAX_RECS_ORDER " + maxRecsOrder + (featuresSeen ? ", as RMI_FEATURES reported it)" : ", TF-RMM's)"));
        }
        RealmState state = s.realmState(rd);
        if (state.activated()) return Verdict.fail("REC_CREATE in a realm that is " + state + ", not NEW (4.9 realm_state)");
        return mpidrIndex(realm, params);
    }

    /** MAX_RECS_ORDER: TF-RMM rel0's 10 (reference 4.9 row 5: 1023 RECs) until the trace's RMI_FEATURES says. */
    private int maxRecsOrder = 10;
    private boolean featuresSeen;

    /**
     * RMI_FEATURES(0) succeeded: its x1 in the rel0 layout (reference 2.5) has MAX_RECS_ORDER at
     * [41:38]. A value with nothing there (the EAC5 layout, 12.3, has no such field) leaves the
     * default. Judges nothing.
     */
    private Verdict features(DecodedRow row) {
        if (row.arg(1) == 0 && row.success && row.outReg(1) != NULL) {
            int order = (int) (row.outReg(1) >>> 38 & 0xF);
            if (order > 0) {
                maxRecsOrder = order;
                featuresSeen = true;
            }
        }
        return null;
    }

    /** RmiRecMpidr fields: Aff0[3:0], Aff1[15:8], Aff2[23:16], Aff3[31:24] (reference 4.9). */
    private static final long MPIDR_FIELDS = 0xFFFF_FF0FL;

    /**
     * 4.9 mpidr_index: params.mpidr must carry only the affinity fields and name REC index
     * "number of RECs created so far" (never decremented, 4.10 note). Judged only when the
     * trace showed the realm's creation and the host's RecParams bytes.
     */
    private Verdict mpidrIndex(RealmShadow r, long params) {
        if (r == null || !r.paramsKnown || params == NULL || !s.ns.written(params)) return null;
        long mpidr = s.ns.read(params + 0x100, 8);
        if ((mpidr & ~MPIDR_FIELDS) != 0) {
            return Verdict.fail("params.mpidr " + hex(mpidr) + " has bits outside Aff0[3:0], Aff1, Aff2, Aff3 (4.9 mpidr_index)");
        }
        long index = (mpidr & 0xF) | ((mpidr >>> 8 & 0xFF) << 4) | ((mpidr >>> 16 & 0xFF) << 12)
                | ((mpidr >>> 24 & 0xFF) << 20);
        if (index != r.recsCreated) {
            return Verdict.fail("params.mpidr " + hex(mpidr) + " is REC index " + index + " but the realm has created "
                    + r.recsCreated + " REC(s), so the next must be index " + r.recsCreated + " (4.9 mpidr_index)");
        }
        return null;
    }

    private Verdict recDestroy(long recPa) {
        Verdict v = rec(recPa);
        if (v != null) return v;
        RecShadow rec = s.rec(recPa);
        if (rec != null && rec.running) return Verdict.lifecycle("REC " + hex(recPa) + " is RUNNING (4.10 rec_state)");
        return null;
    }

    private Verdict dataCreate(long rd, long data, long ipa, long src, boolean measured) {
        if (measured && src != NULL) {
            if (s.granules.pas(src) != Pas.NS || st(src) != GranuleState.UNDELEGATED) {
                return Verdict.fail("source " + hex(src) + " is " + st(src) + " with PAS " + s.granules.pas(src)
                        + ", not Non-secure memory (4.11 src_pas)");
            }
        }
        if (data != NULL && st(data) != GranuleState.DELEGATED) {
            return Verdict.fail("data granule " + hex(data) + " is " + st(data) + ", not DELEGATED (4.11 data_state)");
        }
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmShadow r = s.realm(rd);
        if (r == null || ipa == NULL) return null;
        if (measured && r.state.activated()) {
            return Verdict.fail("DATA_CREATE in a realm that is " + r.state + "; only allowed while NEW (4.11 realm_state)");
        }
        if (!r.rtt.isProtected(ipa)) return null;
        if ((ipa & 0xFFF) != 0) return Verdict.fail("ipa " + hex(ipa) + " not 4 KiB aligned (ipa_align)");
        RttLeaf l = s.walk(r, ipa);
        if (l.level() < 3) return Verdict.quiet("RTT walk for " + hex(ipa) + " stops at level " + l.level() + " (rtt_walk)");
        if (l.state() != RttState.UNASSIGNED) {
            return Verdict.fail("level-3 entry for " + hex(ipa) + " is " + l.state() + ", not UNASSIGNED (rtte_state)");
        }
        return null;
    }

    private Verdict dataDestroy(long rd, long ipa) {
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmShadow r = s.realm(rd);
        if (r == null || ipa == NULL || !r.rtt.isProtected(ipa)) return null;
        RttLeaf l = s.walk(r, ipa);
        if (l.level() < 3) return Verdict.quiet("RTT walk for " + hex(ipa) + " stops at level " + l.level() + " (4.13 rtt_walk)");
        if (l.state() != RttState.ASSIGNED) {
            return Verdict.quiet("level-3 entry for " + hex(ipa) + " is " + l.state() + ", not ASSIGNED (4.13 rtte_state)");
        }
        return null;
    }

    private Verdict levelAndWalk(RealmShadow r, long ipa, long level, String cmd) {
        if (level <= r.rtt.startLevel() || level > 3) {
            return Verdict.fail("level " + level + " outside (start level " + r.rtt.startLevel() + ", 3] (" + cmd + " level_bound)");
        }
        if ((ipa & (RttTree.size((int) level - 1) - 1)) != 0) {
            return Verdict.fail("ipa " + hex(ipa) + " not aligned to the level-" + (level - 1) + " entry size (" + cmd + " ipa_align)");
        }
        return null;
    }

    private Verdict rttCreate(long rd, long rtt, long ipa, long level) {
        if (rtt != NULL && st(rtt) != GranuleState.DELEGATED) {
            return Verdict.fail("rtt " + hex(rtt) + " is " + st(rtt) + ", not DELEGATED (4.14 rtt_state)");
        }
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmShadow r = s.realm(rd);
        if (r == null || ipa == NULL || level == NULL) return null;
        v = levelAndWalk(r, ipa, level, "4.14");
        if (v != null) return v;
        RttLeaf l = s.walkTo(r, ipa, (int) level - 1);
        if (l.level() < level - 1) return Verdict.quiet("walk stops at level " + l.level() + " (4.14 rtt_walk)");
        if (l.state() == RttState.TABLE) return Verdict.quiet("parent entry is already a TABLE (4.14 rtte_state)");
        return null;
    }

    private Verdict rttDestroy(long rd, long ipa, long level) {
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmShadow r = s.realm(rd);
        if (r == null || ipa == NULL || level == NULL) return null;
        v = levelAndWalk(r, ipa, level, "4.15");
        if (v != null) return v;
        RttLeaf l = s.walkTo(r, ipa, (int) level - 1);
        if (l.level() < level - 1) return Verdict.quiet("walk stops at level " + l.level() + " (4.15 rtt_walk)");
        if (l.state() != RttState.TABLE) return Verdict.quiet("parent entry is " + l.state() + ", not TABLE (4.15 rtte_state)");
        if (r.rtt.childLive(ipa, (int) level)) {
            return Verdict.fail("the level-" + level + " RTT at " + hex(ipa) + " is live: it still holds a TABLE or"
                    + " protected ASSIGNED entry (4.15 rtt_live)");
        }
        return null;
    }

    private Verdict rttMapUnprotected(long rd, long ipa, long level) {
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmShadow r = s.realm(rd);
        if (r == null || ipa == NULL || level == NULL || level < 1 || level > 3 || r.rtt.isProtected(ipa)) return null;
        RttLeaf l = s.walkTo(r, ipa, (int) level);
        if (l.level() < level) return Verdict.quiet("walk stops at level " + l.level() + " (4.17 rtt_walk)");
        if (l.state() != RttState.UNASSIGNED_NS) {
            return Verdict.quiet("entry at " + hex(ipa) + " is " + l.state() + ", not UNASSIGNED_NS (4.17 rtte_state)");
        }
        return null;
    }

    private Verdict rttUnmapUnprotected(long rd, long ipa, long level) {
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmShadow r = s.realm(rd);
        if (r == null || ipa == NULL || level == NULL || level < 1 || level > 3 || r.rtt.isProtected(ipa)) return null;
        RttLeaf l = s.walkTo(r, ipa, (int) level);
        if (l.level() < level || l.state() != RttState.ASSIGNED_NS) {
            return Verdict.quiet("entry at " + hex(ipa) + " is " + l.state() + " at level " + l.level()
                    + ", not ASSIGNED_NS (4.18 rtte_state)");
        }
        return null;
    }

    private Verdict initRipas(long rd, long base, long top) {
        if (base != NULL && top != NULL && Long.compareUnsigned(top, base) <= 0) {
            return Verdict.fail("top " + hex(top) + " <= base " + hex(base) + " (4.20 size_valid)");
        }
        Verdict v = rd(rd);
        if (v != null) return v;
        RealmState state = s.realmState(rd);
        if (state.activated()) return Verdict.fail("RTT_INIT_RIPAS in a realm that is " + state + " (4.20 realm_state)");
        return null;
    }

    private Verdict setRipas(long rd, long recPa, long base, long top) {
        if (base != NULL && top != NULL && Long.compareUnsigned(top, base) <= 0) {
            return Verdict.fail("top " + hex(top) + " <= base " + hex(base) + " (4.21 size_valid)");
        }
        Verdict v = rd(rd);
        if (v == null) v = rec(recPa);
        if (v != null) return v;
        RecShadow rec = s.rec(recPa);
        if (rec == null) return null;
        if (rec.running) return Verdict.lifecycle("REC " + hex(recPa) + " is RUNNING (4.21 rec_state)");
        if (rd != NULL && rec.realm != rd) {
            return Verdict.fail("REC " + hex(recPa) + " belongs to realm " + hex(rec.realm) + " (4.21 rec_owner)");
        }
        if (!rec.ripas.active()) {
            return Verdict.failBeforeWalk("REC " + hex(recPa) + " has no pending RIPAS change request (4.21 base_bound: pending top is 0)");
        }
        if (base != NULL && base != rec.ripas.addr()) {
            return Verdict.failBeforeWalk("base " + hex(base) + " is not the request's next address " + hex(rec.ripas.addr()) + " (4.21 base_bound)");
        }
        if (top != NULL && Long.compareUnsigned(top, rec.ripas.top()) > 0) {
            return Verdict.failBeforeWalk("top " + hex(top) + " is beyond the requested top " + hex(rec.ripas.top()) + " (4.21 top_bound)");
        }
        return null;
    }

    private Verdict psciComplete(long calling, long target) {
        Verdict v = rec(calling);
        if (v == null) v = rec(target);
        if (v != null) return v;
        RecShadow rec = s.rec(calling);
        if (rec == null) return null;
        if (rec.running) return Verdict.fail("calling REC " + hex(calling) + " is RUNNING (5 running)");
        if (!rec.psciPending) return Verdict.fail("calling REC " + hex(calling) + " has no PSCI request pending (5 pending)");
        RecShadow t = s.rec(target);
        if (t != null && t.realm != rec.realm) return Verdict.fail("target REC belongs to another realm (5 owner)");
        return null;
    }
}
