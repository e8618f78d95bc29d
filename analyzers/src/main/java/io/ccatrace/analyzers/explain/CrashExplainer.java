package io.ccatrace.analyzers.explain;

import io.ccatrace.analyzers.engine.LongMap;
import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.granule.Pas;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.realm.RealmState;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows each realm through the trace and, at the end, says for every realm that crashed
 * or stopped making progress what happened and why, with seq numbers: a REC stuck on a
 * DESTROYED IPA (and the host call that destroyed it), an SEA the realm did not get past
 * (and why the IPA was EMPTY), the host tearing down an active realm (and the last error
 * before), a REC left after a fault exit and never entered again. Runs on the analyzers'
 * engine, so it sees the shadow state (RTT entries and who changed them last).
 */
public final class CrashExplainer extends BaseRule {
    private final LongMap<RealmStory> stories = new LongMap<>();
    private final List<Explanation> results = new ArrayList<>();
    /** RECs destroyed while their realm lived: REC PA -> {RD, seq of the REC_DESTROY}. */
    private final LongMap<long[]> destroyedRecs = new LongMap<>();
    /** Stories of realms whose RD a later realm took (closed at its REALM_CREATE). */
    private final List<RealmStory> earlier = new ArrayList<>();

    public CrashExplainer() {
        super("explain", "Crash and stall explanation", "7.4, 8.2, 8.5",
                EventKind.RMI_CALL, EventKind.RTT_ENTRY, EventKind.STAGE2_FAULT, EventKind.REC_EXIT,
                EventKind.RSI_CALL, EventKind.REALM_STATE);
    }

    private RealmStory story(long rd) {
        RealmStory s = stories.get(rd);
        if (s == null) {
            s = new RealmStory(rd);
            stories.put(rd, s);
        }
        return s;
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        switch (e.kind()) {
            case RMI_CALL: onCall(e, s); break;
            case RTT_ENTRY: onRtt(e, s); break;
            case STAGE2_FAULT: onFault(e, s); break;
            case REC_EXIT: onExit(e, s); break;
            case RSI_CALL: progress(e, s); break;
            case REALM_STATE: onRealmState(e, s); break;
            default: break;
        }
    }

    private long realmOf(EventView e, Shadow s) {
        if (e.realm() != Shadow.NULL) return e.realm();
        RecShadow rec = s.rec(e.rec());
        return rec == null ? Shadow.NULL : rec.realm;
    }

    private void onCall(EventView e, Shadow s) {
        RmiCommand c = s.row.rmi();
        long x1 = Shadow.reg(e.args(), 1);
        RecShadow rec = s.rec(x1);
        boolean ok = "RMI_SUCCESS".equals(e.status());
        long rd = rec != null ? rec.realm : x1;
        String why = null;
        if (c == RmiCommand.RMI_REC_DESTROY && rec != null && ok) destroyedRecs.put(x1, new long[] {rec.realm, e.seq()});
        long[] d = c == RmiCommand.RMI_REC_ENTER && rec == null ? destroyedRecs.get(x1) : null;
        if (d != null) {
            // entering a REC destroyed under a live realm (a hostile host's doing): the realm's error
            rd = d[0];
            why = "REC 0x" + Long.toHexString(x1) + " had been destroyed (RMI_REC_DESTROY, seq " + d[1] + ") while the realm was ACTIVE";
        }
        if (s.realm(rd) == null) return;
        RealmStory st = story(rd);
        if (c == RmiCommand.RMI_REC_ENTER) {
            st.lastEnterSeq = e.seq();
            st.lastEnterFailed = !ok;
            if (rec != null) {
                st.lastExit.remove(rec.rec);
                st.faultExit.remove(rec.rec);
            }
            if (ok) st.errorSeq = -1; // the host got past any earlier refusal: it is not why it stops the realm later
            if (!ok && why == null) why = recRunWhy(Shadow.reg(e.args(), 2), s);
        }
        if (why == null && "RMI_ERROR_REALM".equals(e.status())) why = realmStateWhy(c, s.realm(rd).state, st);
        if (!ok && c != RmiCommand.RMI_RTT_READ_ENTRY && !"RMI_ERROR_RTT".equals(e.status())
                && !(teardown(c) && e.seq() > st.lastEnterSeq)
                && !(st.lastEnterFailed && c != RmiCommand.RMI_REC_ENTER)) {
            st.errorSeq = e.seq();
            st.errorCmd = c.name();
            st.errorStatus = e.status();
            st.errorWhy = why;
        }
    }

    /** Why REC_ENTER could not read its RecRun page, when the shadow shows it is not the host's (NS), else null. */
    private static String recRunWhy(long run, Shadow s) {
        Pas pas = s.granules.pas(run);
        if (pas == Pas.NS || pas == Pas.UNKNOWN) return null;
        return "its RecRun page 0x" + Long.toHexString(run) + " (x2) was in the " + pas + " PAS ("
                + s.granules.state(run) + "), so the RMM could not read it while the realm was ACTIVE";
    }

    /**
     * Why a command that needs the realm in one state (reference 7.2's table) got
     * RMI_ERROR_REALM, when the realm was in another: the state and the input that put it
     * there. Null for other commands (their RMI_ERROR_REALM has other reasons: liveness, the
     * REC limit).
     */
    private static String realmStateWhy(RmiCommand c, RealmState state, RealmStory st) {
        RealmState needed = c == RmiCommand.RMI_REC_ENTER ? RealmState.ACTIVE
                : c == RmiCommand.RMI_DATA_CREATE || c == RmiCommand.RMI_RTT_INIT_RIPAS
                        || c == RmiCommand.RMI_REC_CREATE || c == RmiCommand.RMI_REALM_ACTIVATE ? RealmState.NEW : null;
        if (needed == null || state == needed) return null;
        String by = state == RealmState.SYSTEM_OFF ? "its PSCI shutdown in " : "";
        String since = state == RealmState.NEW ? "was still NEW (never activated)"
                : "had been " + state + " since " + by + st.stateCauseCmd + " at seq " + st.stateCauseSeq;
        return "the realm " + since + ", and " + c.name() + " needs " + (needed == RealmState.ACTIVE ? "an " : "a ")
                + needed + " realm (7.2)";
    }

    /**
     * A command a host's teardown makes. Its refusals after a realm's last REC_ENTER are the
     * teardown's own (a fold of a table that is not homogeneous, a destroy of a table still
     * in use, tried again later), not why the host stopped the realm, so they are not kept as
     * the realm's last error; a refusal of any other command (a map, a RIPAS change, an entry)
     * after the last entry may well be why, and is kept. Neither is RMI_ERROR_RTT, a walk that
     * stopped short, which a host answers by creating the table (normal flow), nor, once an
     * entry failed, a later refusal of another command (a hostile host's calls at the dead
     * realm): the failed entry is why the host gave up.
     */
    private static boolean teardown(RmiCommand c) {
        return c == RmiCommand.RMI_DATA_DESTROY || c == RmiCommand.RMI_RTT_DESTROY || c == RmiCommand.RMI_RTT_FOLD
                || c == RmiCommand.RMI_REC_DESTROY || c == RmiCommand.RMI_REALM_DESTROY
                || c == RmiCommand.RMI_RTT_UNMAP_UNPROTECTED;
    }

    private void onRtt(EventView e, Shadow s) {
        // an entry becoming TABLE (RTT_CREATE unfolding it) changes no RIPAS: the entries below
        // inherit what it held (7.4), so what last set it stays the cause (before, an IPA EMPTY
        // since the realm was created was "last changed by RMI_RTT_CREATE")
        if ("TABLE".equals(e.to())) return;
        RealmStory st = story(e.realm());
        int level = e.level() == TraceEvent.NULL_INT ? 3 : e.level();
        int slot = st.entryCause.slot((e.ipa() & ~0xFFFL) | (level + 1));
        st.entryCause.setA(slot, s.input.seq());
        st.entryCause.setObj(slot, s.input.kind() == null ? "?" : s.input.cmd());
    }

    /** Why the entry covering ipa has its current RIPAS: the input that last set it. */
    private String cause(RealmStory st, Shadow s, long ipa) {
        RealmShadow r = s.realm(st.rd);
        if (r == null) return "unknown";
        RttLeaf l = s.walk(r, ipa);
        for (int level = l.level(); level >= r.rtt.startLevel(); level--) {
            long key = (ipa & -io.ccatrace.analyzers.rtt.RttTree.size(level)) | (level + 1);
            int slot = st.entryCause.find(key);
            if (slot >= 0) {
                return "entry last changed by " + st.entryCause.obj(slot) + ", seq " + st.entryCause.a(slot);
            }
        }
        return "its state since the realm was created (REALM_CREATE, seq " + st.createdSeq + ")";
    }

    private void onFault(EventView e, Shadow s) {
        long rd = realmOf(e, s);
        RealmShadow r = s.realm(rd);
        if (r == null) return;
        RealmStory st = story(rd);
        RttLeaf l = s.walk(r, e.ipa());
        String ripas = r.rtt.isProtected(e.ipa()) ? l.ripas().name() : "unprotected";
        if ("SEA_INJECTED".equals(e.outcome())) {
            st.seaSeq = e.seq();
            st.seaIpa = e.ipa();
            st.seaRec = e.rec();
            st.seaRipas = ripas;
            st.seaCause = cause(st, s, e.ipa());
            st.progressAfterSea = -1;
            st.shutdownSeq = -1;
        } else if ("DESTROYED".equals(ripas)) {
            if (st.stuckSeq < 0 || st.stuckRec != e.rec() || st.stuckIpa != (e.ipa() & ~0xFFFL)) {
                st.stuckSeq = e.seq();
                st.stuckIpa = e.ipa() & ~0xFFFL;
                st.stuckRec = e.rec();
                st.stuckCause = cause(st, s, e.ipa());
                st.progressAfterStuck = -1;
            }
        } else {
            if ("EXIT_TO_HOST".equals(e.outcome())) {
                boolean prot = r.rtt.isProtected(e.ipa());
                st.faultExit.put(e.rec(), new FaultExit(e.seq(), e.rec(), e.ipa(), l.state().name(), prot ? ripas : null));
            }
            progress(e, s);
        }
    }

    /** The PSCI shutdown call a realm made (what a guest does when it panics), or null. */
    private static RsiCommand shutdown(EventView e) {
        long fid = e.kind() == EventKind.RSI_CALL ? e.fid() : Shadow.reg(e.out(), 1);
        RsiCommand c = e.kind() == EventKind.RSI_CALL ? RsiCommand.of(e.cmd(), fid) : RsiCommand.ofFid(fid);
        return c == RsiCommand.PSCI_SYSTEM_OFF || c == RsiCommand.PSCI_SYSTEM_RESET ? c : null;
    }

    private void progress(EventView e, Shadow s) {
        long rd = realmOf(e, s);
        if (rd == Shadow.NULL) return;
        RealmStory st = story(rd);
        RsiCommand off = shutdown(e);
        if (off != null) {
            String cmd = e.kind() == EventKind.RSI_CALL ? e.cmd() : "PSCI exit";
            if (st.seaSeq >= 0 && st.progressAfterSea < 0 && st.shutdownSeq < 0) {
                st.shutdownSeq = e.seq();
                st.shutdownCmd = cmd;
            } else if (st.seaSeq >= 0 && off == RsiCommand.PSCI_SYSTEM_RESET && st.lateResetSeq < 0) {
                st.lateResetSeq = e.seq();
                st.lateResetCmd = cmd;
            }
            return;
        }
        if (st.stuckSeq >= 0 && e.rec() == st.stuckRec && st.progressAfterStuck < 0) st.progressAfterStuck = e.seq();
        if (st.seaSeq >= 0 && e.rec() == st.seaRec && st.progressAfterSea < 0) st.progressAfterSea = e.seq();
    }

    private void onExit(EventView e, Shadow s) {
        long rd = realmOf(e, s);
        if (rd == Shadow.NULL) return;
        String reason = e.exitReason();
        if (!"SYNC".equals(reason) && !"IRQ".equals(reason) && !"FIQ".equals(reason)) progress(e, s);
        story(rd).lastExit.put(e.rec(), e.seq() + " " + reason);
    }

    private void onRealmState(EventView e, Shadow s) {
        RealmStory st = story(e.realm());
        String to = e.to() == null ? "" : e.to();
        long cause = e.causeSeq() >= 0 ? e.causeSeq() : e.seq();
        if ("NEW".equals(to) && st.createdSeq >= 0) st = nextLife(st);
        st.stateCauseSeq = cause;
        st.stateCauseCmd = s.input.kind() == null ? "?" : s.input.cmd();
        switch (to) {
            case "NEW": st.createdSeq = cause; break;
            case "ACTIVE": st.activatedSeq = e.seq(); break;
            case "SYSTEM_OFF": st.systemOffSeq = e.seq(); break;
            case "DESTROYED":
                st.destroyedSeq = cause;
                st.stateAtDestroy = e.from();
                break;
            default: break;
        }
    }

    /**
     * A new realm with the RD of an earlier one (a host reuses freed granules; host-fuzz
     * relaunches realms): the earlier realm's story is closed and explained as it stands, and
     * the new realm gets a story of its own.
     */
    private RealmStory nextLife(RealmStory old) {
        earlier.add(old);
        RealmStory st = new RealmStory(old.rd);
        stories.put(old.rd, st);
        return st;
    }

    @Override
    public void finish(Shadow s, FindingSink out) {
        List<RealmStory> all = new ArrayList<>(earlier);
        for (long rd : stories.sortedKeys()) all.add(stories.get(rd));
        all.sort(java.util.Comparator.comparingLong((RealmStory st) -> st.rd).thenComparingLong(st -> st.createdSeq));
        java.util.Set<Long> reused = new java.util.HashSet<>();
        for (RealmStory st : earlier) reused.add(st.rd);
        for (RealmStory st : all) {
            Explanation x = Explanation.of(st, reused.contains(st.rd));
            if (x != null) results.add(x);
        }
    }

    /** Explanations for the realms that crashed or stalled, ordered by RD (then creation, for a reused RD). */
    public List<Explanation> explanations() {
        return results;
    }
}
