package io.ccatrace.analyzers.explain;

import io.ccatrace.analyzers.engine.LongMap;
import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.analyzers.rtt.RttLeaf;
import io.ccatrace.analyzers.realm.RealmShadow;
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
        long rd = rec != null ? rec.realm : x1;
        if (c == RmiCommand.RMI_REC_ENTER && rec != null) story(rd).lastExit.remove(rec.rec);
        if (!"RMI_SUCCESS".equals(e.status()) && s.realm(rd) != null && c != RmiCommand.RMI_RTT_READ_ENTRY) {
            RealmStory st = story(rd);
            st.errorSeq = e.seq();
            st.errorCmd = c.name();
            st.errorStatus = e.status();
        }
    }

    private void onRtt(EventView e, Shadow s) {
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
        switch (to) {
            case "NEW": st.createdSeq = e.causeSeq() >= 0 ? e.causeSeq() : e.seq(); break;
            case "ACTIVE": st.activatedSeq = e.seq(); break;
            case "SYSTEM_OFF": st.systemOffSeq = e.seq(); break;
            case "DESTROYED":
                st.destroyedSeq = e.causeSeq() >= 0 ? e.causeSeq() : e.seq();
                st.stateAtDestroy = e.from();
                break;
            default: break;
        }
    }

    @Override
    public void finish(Shadow s, FindingSink out) {
        for (long rd : stories.sortedKeys()) {
            Explanation x = Explanation.of(stories.get(rd));
            if (x != null) results.add(x);
        }
    }

    /** Explanations for the realms that crashed or stalled, ordered by RD. */
    public List<Explanation> explanations() {
        return results;
    }
}
