package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.granule.GranuleMappings;
import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.analyzers.granule.GranuleTable;
import io.ccatrace.analyzers.granule.Pas;
import io.ccatrace.analyzers.memory.NsMemory;
import io.ccatrace.analyzers.memory.ReleasedGranules;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.realm.RealmState;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rmi.RmiExpectations;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.analyzers.rmi.Verdict;
import io.ccatrace.analyzers.rtt.Ripas;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.analyzers.rtt.RttState;
import io.ccatrace.analyzers.rtt.RttTree;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * The analyzers' own picture of the machine, built from the trace alone: granules, realms,
 * RECs, RTT entries, pending RIPAS requests, measurements and Non-secure memory. Effects
 * change it the way they say; successful RMI calls add what no effect row carries (params
 * pages, RIPAS progress, PSCI completion, entry flags). Memory is proportional to the live
 * objects, not to the trace length.
 */
public final class Shadow {
    public static final long NULL = TraceEvent.NULL;
    /** Default IPA width and starting level when a realm's params are not in the trace. */
    public static final int DEFAULT_S2SZ = 48;

    public final GranuleTable granules = new GranuleTable();
    public final GranuleMappings mappings = new GranuleMappings();
    public final NsMemory ns = new NsMemory();
    public final ReleasedGranules released = new ReleasedGranules();
    public final CurrentInput input = new CurrentInput();
    /** The current row's names, decoded once (valid while rules check the row). */
    public final DecodedRow row = new DecodedRow();
    private final LongMap<RealmShadow> realms = new LongMap<>(16);
    private final LongMap<RecShadow> recs = new LongMap<>(16);
    /** The realms and RECs last looked up: the rows of a REC entry name them again and again. */
    private final LookupCache<RealmShadow> realmCache = new LookupCache<>(realms);
    private final LookupCache<RecShadow> recCache = new LookupCache<>(recs);
    private final RttLeaf leaf = new RttLeaf();
    private final RttLeaf leaf2 = new RttLeaf();
    private RttTree leafTree;
    private long leafVersion;
    private long leafIpa;
    private RttTree leaf2Tree;
    private long leaf2Version;
    private long leaf2Ipa;
    private int leaf2Level;
    private final RealmEffects realmEffects = new RealmEffects(this);
    private final RmiExpectations expectations = new RmiExpectations(this);
    private boolean verdictReady;
    private Verdict verdict;
    /** Realm whose RIM the current input must extend (expected values queued), or NULL. */
    long measuredRealm = NULL;

    /** Register x(n) (n from 1) of an args/out array, or NULL. */
    public static long reg(long[] regs, int n) {
        return regs == null || regs.length < n || n < 1 ? NULL : regs[n - 1];
    }

    public RealmShadow realm(long rd) {
        return rd == NULL ? null : realmCache.get(rd);
    }

    /** The realm, created with default geometry if the trace never showed its creation. */
    public RealmShadow realmOrDefault(long rd, long seq) {
        RealmShadow r = realm(rd);
        if (r == null) {
            r = new RealmShadow(rd, DEFAULT_S2SZ, 0, 0, false, seq);
            putRealm(r);
        }
        return r;
    }

    void putRealm(RealmShadow r) {
        realms.put(r.rd, r);
        realmCache.clear();
    }

    void removeRealm(long rd) {
        realms.remove(rd);
        realmCache.clear();
    }

    public RecShadow rec(long rec) {
        return rec == NULL ? null : recCache.get(rec);
    }

    RecShadow recOrNew(long rec, long realm, long seq) {
        RecShadow r = rec(rec);
        if (r == null) {
            r = new RecShadow(rec, realm, seq);
            recs.put(rec, r);
            recCache.clear();
        }
        return r;
    }

    void removeRec(long rec) {
        recs.remove(rec);
        recCache.clear();
    }

    /** Realm RDs known, sorted. */
    public long[] realmIds() {
        return realms.sortedKeys();
    }

    /** REC PAs known, sorted. */
    public long[] recIds() {
        return recs.sortedKeys();
    }

    public int liveRealms() {
        return realms.size();
    }

    public int liveRecs() {
        return recs.size();
    }

    /**
     * Walks realm's RTT to the leaf entry covering ipa (a shared scratch result). Rules and
     * the shadow often walk to the same IPA for one row: the last walk is reused while the
     * tree has not changed.
     */
    public RttLeaf walk(RealmShadow realm, long ipa) {
        RttTree t = realm.rtt;
        if (t != leafTree || t.version() != leafVersion || ipa != leafIpa) {
            t.walk(ipa, leaf);
            leafTree = t;
            leafVersion = t.version();
            leafIpa = ipa;
        }
        return leaf;
    }

    /** Walks toward level (a second scratch result, independent of {@link #walk}). */
    public RttLeaf walkTo(RealmShadow realm, long ipa, int level) {
        RttTree t = realm.rtt;
        if (t != leaf2Tree || t.version() != leaf2Version || ipa != leaf2Ipa || level != leaf2Level) {
            t.walkTo(ipa, level, leaf2);
            leaf2Tree = t;
            leaf2Version = t.version();
            leaf2Ipa = ipa;
            leaf2Level = level;
        }
        return leaf2;
    }

    /** Decodes the row's names for the rules and the shadow; the engine calls it first. */
    void decode(EventView e, EventKind k) {
        row.decode(e, k);
        verdictReady = false;
    }

    /** Starts a row of kind k of the row's view ({@link DecodedRow#view}) without decoding its names (the per-kind handlers decode what they need). */
    void begin(EventKind k) {
        row.begin(k);
        verdictReady = false;
    }

    /**
     * For the current RMI_CALL row: whether the specification requires it to fail, and why
     * (null when nothing forces a failure). Computed once per row, for every rule that asks.
     */
    public Verdict rmiVerdict(EventView e) {
        if (!verdictReady) {
            verdict = expectations.judge(row.rmi(), row);
            verdictReady = true;
        }
        return verdict;
    }

    /** Applies one event (already decoded). Rules have seen it against the state before. */
    void apply(EventView e) {
        switch (row.kind()) {
            case RMI_CALL: applyRmiCall(e); break;
            case NS_WRITE: applyNsWrite(e, e.pa(), e.seq()); break;
            case NS_READ: applyNsRead(e, e.seq()); break;
            case GUEST_STEP: applyGuestStep(e); break;
            case RSI_CALL: realmEffects.onRsiCall(e); break;
            case REC_EXIT: realmEffects.onRecExit(e, rec(e.rec())); break;
            case STAGE2_FAULT: onFault(e); break;
            case PAS_CHANGE: onPasChange(e); break;
            case GRANULE_STATE: realmEffects.onGranuleState(e); break;
            case RTT_ENTRY: onRttEntry(e); break;
            case MEASUREMENT: realmEffects.onMeasurement(e); break;
            case REALM_STATE: realmEffects.onRealmState(e); break;
            case REC_STATE: realmEffects.onRecState(e); break;
            default: break;
        }
    }

    void applyRmiCall(EventView e) {
        endInput();
        input.set(row, e, e.seq(), EventKind.RMI_CALL, row.rmi(), row.success);
        // the RMM writes RecRun.exit: NS bytes no NS_WRITE row carries
        if (row.rmi() == RmiCommand.RMI_REC_ENTER) released.forget(row.arg(2));
        if (row.success) realmEffects.onSuccessfulCall(e);
    }

    /** An NS_WRITE row at pa, seq (the row's, read once by the caller). */
    void applyNsWrite(EventView e, long pa, long seq) {
        endInput();
        input.set(e, seq, EventKind.NS_WRITE, RmiCommand.UNKNOWN, false);
        if (pa != NULL && granules.pas(pa) == Pas.NS) ns.write(pa, e);
    }

    void applyNsRead(EventView e, long seq) {
        endInput();
        input.set(e, seq, EventKind.NS_READ, RmiCommand.UNKNOWN, false);
    }

    void applyGuestStep(EventView e) {
        endInput();
        input.set(row, e, e.seq(), EventKind.GUEST_STEP, RmiCommand.UNKNOWN, false);
        onGuestStep(e);
    }

    /** A REC_EXIT row of REC rec (its shadow, null if none: looked up by the caller). */
    void applyRecExit(EventView e, RecShadow rec) {
        realmEffects.onRecExit(e, rec);
    }

    void applyRecState(EventView e) {
        realmEffects.onRecState(e);
    }

    void applyGranuleState(EventView e) {
        realmEffects.onGranuleState(e);
    }

    /** Realm whose RIM the current input must still extend, or NULL. */
    public long measuredRealm() {
        return measuredRealm;
    }

    private void endInput() {
        if (measuredRealm == NULL) return;
        RealmShadow r = realm(measuredRealm);
        if (r != null) r.measurements.clearExpected();
        measuredRealm = NULL;
    }

    private void onGuestStep(EventView e) {
        if (!row.guestCall) return;
        if (RsiCommand.ofFid(e.fid()) != RsiCommand.RSI_IPA_STATE_SET) return;
        RecShadow r = rec(e.rec());
        if (r != null) r.queueIpaStateSet(row.args(e));
    }

    /** The realm of a STAGE2_FAULT row: its realm column, else the realm of its REC (rec, or null), or null. */
    public RealmShadow faultRealm(EventView e, RecShadow rec) {
        long rd = e.realm();
        return realm(rd != NULL ? rd : rec == null ? NULL : rec.realm);
    }

    void onFault(EventView e) {
        RecShadow r = rec(e.rec());
        onFault(e, r, faultRealm(e, r), e.ipa());
    }

    /** A STAGE2_FAULT row at ipa of REC r in realm (both looked up by the caller, null if none). */
    void onFault(EventView e, RecShadow r, RealmShadow realm, long ipa) {
        if (r == null || realm == null) return;
        if (r.stuck() && r.stuckIpa != (ipa & ~0xFFFL)) {
            r.lastProgressSeq = e.seq();
            r.stuckSeq = -1;
        }
        if (!realm.rtt.isProtected(ipa)) return;
        RttLeaf l = walk(realm, ipa);
        if (l.ripas() == Ripas.DESTROYED && !row.sea) {
            r.stuckIpa = ipa & ~0xFFFL;
            r.stuckSeq = e.seq();
        }
    }

    void onPasChange(EventView e) {
        Pas to = row.pasTo();
        Pas from = granules.pas(e.pa());
        granules.setPas(e.pa(), to);
        if (to != Pas.NS) {
            ns.drop(e.pa());
            released.forget(e.pa());
        } else if (from != Pas.NS) {
            released.release(e.pa(), e.causeSeq() == NULL ? e.seq() : e.causeSeq(), e.seq());
        }
    }

    void onRttEntry(EventView e) {
        RealmShadow realm = realmOrDefault(e.realm(), e.seq());
        int level = row.level;
        long ipa = e.ipa();
        RttLeaf before = walkTo(realm, ipa, level);
        if (before.level() == level && before.state() == RttState.ASSIGNED) {
            forEachGranule(before.pa(), level, ipa & -RttTree.size(level), realm.rd, false);
        }
        if (before.level() == level && before.state() == RttState.ASSIGNED_NS) {
            released.unmapNs(before.pa(), RttTree.size(level));
        }
        RttState to = row.rttTo();
        Ripas ripas = row.toRipas();
        // before is the walk to (ipa, level) of this tree as it still is: apply need not walk again
        realm.rtt.apply(ipa, level, to, ripas, e.pa() == NULL ? 0 : e.pa(), e.seq(), before);
        if (to == RttState.ASSIGNED && e.pa() != NULL) {
            forEachGranule(e.pa(), level, ipa & -RttTree.size(level), realm.rd, true);
        }
        if (to == RttState.ASSIGNED_NS && e.pa() != NULL) released.mapNs(e.pa(), RttTree.size(level));
    }

    private void forEachGranule(long pa, int level, long ipa, long rd, boolean map) {
        long n = RttTree.size(level) >>> 12;
        for (long i = 0; i < n; i++) {
            if (map) mappings.map(pa + (i << 12), rd, ipa + (i << 12));
            else mappings.unmap(pa + (i << 12), rd, ipa + (i << 12));
        }
    }

    /** Whether the granule at pa is mapped by a protected entry other than (realm, ipa). */
    public boolean mappedElsewhere(long pa, long realm, long ipa) {
        long r = mappings.realm(pa);
        return r != NULL && (r != realm || mappings.ipa(pa) != ipa);
    }

    /** Realm state of rd, NONE if no such realm is live. */
    public RealmState realmState(long rd) {
        RealmShadow r = realm(rd);
        return r == null ? RealmState.NONE : r.state;
    }

    /** Whether pa was an RD or REC once and has since been destroyed. */
    public boolean destroyedObject(long pa, GranuleState kind) {
        return granules.state(pa) != kind && granules.lastUse(pa) == kind;
    }
}
