package io.ccatrace.analyzers.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * Why one realm crashed or stopped making progress: a verdict and a causal chain.
 * {@code createdSeq}: when the realm's RD was reused by another realm in the trace, the seq it
 * was created at (which realm of that RD this is), else -1.
 * {@code atTraceEnd}: the only evidence is that nothing follows in the trace (a REC whose last
 * exit was never followed by another REC_ENTER), which says nothing when the trace is an
 * unfinished recording: it ends wherever the recording stopped.
 */
public record Explanation(long realm, long createdSeq, String verdict, List<String> chain, boolean atTraceEnd) {

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /**
     * The story's explanation, or null when the realm ended normally or still runs fine;
     * reusedRd: another realm had the same RD in the trace, so the text says which one.
     */
    static Explanation of(RealmStory st, boolean reusedRd) {
        List<String> chain = new ArrayList<>();
        String verdict = null;
        boolean atTraceEnd = false;
        if (st.stuckSeq >= 0 && st.progressAfterStuck < 0) {
            verdict = "REC " + hex(st.stuckRec) + " cannot make progress: it faults on a DESTROYED IPA";
            chain.add("root cause: IPA " + hex(st.stuckIpa) + " became DESTROYED (" + st.stuckCause + ")"
                    + ": the host destroyed memory the realm was using");
            chain.add("the realm touched it at seq " + st.stuckSeq + " and could not proceed (8.5: nothing but the"
                    + " realm's own CHANGE_DESTROYED request makes it usable again)");
        } else if (st.seaSeq >= 0 && st.progressAfterSea < 0) {
            verdict = "REC " + hex(st.seaRec) + " took a synchronous external abort and made no progress after it";
            chain.add("root cause: IPA " + hex(st.seaIpa) + " is " + st.seaRipas + " (" + st.seaCause + ")");
            if (st.shutdownSeq >= 0) {
                verdict = "REC " + hex(st.seaRec) + " took a synchronous external abort it could not handle";
                chain.add("the realm accessed it at seq " + st.seaSeq + " and got an SEA (8.2)");
                chain.add("the guest then shut the realm down (" + st.shutdownCmd + ", seq " + st.shutdownSeq
                        + ") without making any other progress: it could not handle the abort");
            } else {
                chain.add("the realm accessed it at seq " + st.seaSeq + " and got an SEA (8.2); nothing it did afterwards"
                        + " appears in the trace");
            }
        } else if (st.seaSeq >= 0 && st.lateResetSeq >= 0) {
            verdict = "the realm reset itself after REC " + hex(st.seaRec) + " took a synchronous external abort";
            chain.add("root cause: IPA " + hex(st.seaIpa) + " is " + st.seaRipas + " (" + st.seaCause + ")");
            chain.add("the realm accessed it at seq " + st.seaSeq + " and got an SEA (8.2); it ran on"
                    + " (seq " + st.progressAfterSea + ") but never recovered");
            chain.add("the guest reset the realm (" + st.lateResetCmd + ", seq " + st.lateResetSeq
                    + "): the SEA above is the last one before that reset");
        }
        boolean errorWhileActive = st.errorSeq >= 0 && st.errorSeq > st.activatedSeq && st.errorSeq < st.destroyedSeq;
        boolean killedActive = st.destroyedSeq >= 0 && "ACTIVE".equals(st.stateAtDestroy);
        FaultExit unhandled = killedActive && verdict == null && !errorWhileActive ? unhandledFaultExit(st) : null;
        if (unhandled != null) {
            verdict = unhandled.emptyProtected()
                    ? "the host killed the realm after the RMM handed it REC " + hex(unhandled.rec())
                            + "'s access to an EMPTY IPA, which the realm should have taken as an SEA"
                    : "the host killed the realm after REC " + hex(unhandled.rec()) + " exited on a fault it did not handle";
            chain.add(unhandled.rootCause());
        }
        if (killedActive && (verdict != null || errorWhileActive)) {
            if (verdict == null) verdict = "the host killed the realm after an error, while it was ACTIVE";
            String why = errorWhileActive
                    ? " after " + st.errorCmd + " failed with " + st.errorStatus + " at seq " + st.errorSeq : "";
            if (errorWhileActive && st.errorWhy != null) chain.add("root cause: " + st.errorWhy);
            chain.add("the host tore the realm down (RMI_REALM_DESTROY, seq " + st.destroyedSeq + ")" + why);
        }
        if (verdict == null) {
            for (long rec : st.lastExit.sortedKeys()) {
                String last = st.lastExit.get(rec);
                if (last.endsWith(" SYNC") && st.systemOffSeq < 0 && st.destroyedSeq < 0) {
                    verdict = "REC " + hex(rec) + " stopped: its last exit (seq " + last.split(" ")[0]
                            + ", SYNC) was never followed by another REC_ENTER";
                    atTraceEnd = true;
                    if (st.errorSeq >= 0) {
                        chain.add("last host error for this realm: " + st.errorCmd + " -> " + st.errorStatus
                                + " at seq " + st.errorSeq);
                    }
                    break;
                }
            }
        }
        return verdict == null ? null : new Explanation(st.rd, reusedRd ? st.createdSeq : -1, verdict, chain, atTraceEnd);
    }

    /**
     * The fault exit a REC of a realm the host destroyed while ACTIVE was left at: its last exit
     * was that fault (SYNC) and no REC_ENTER followed, so the host tore the realm down instead
     * of handling it. An exit at an EMPTY IPA first (the RMM's doing, 8.2), else the first REC's.
     */
    private static FaultExit unhandledFaultExit(RealmStory st) {
        FaultExit found = null;
        for (long rec : st.lastExit.sortedKeys()) {
            FaultExit f = st.faultExit.get(rec);
            if (f == null || !st.lastExit.get(rec).endsWith(" SYNC")) continue;
            if (f.emptyProtected()) return f;
            if (found == null) found = f;
        }
        return found;
    }

    /**
     * Whether the explanation stands on a trace that is unfinished or not: one whose only
     * evidence is that nothing follows says nothing when the recording stopped wherever it was
     * (docs/analyzers.md, explain, case 4).
     */
    public boolean judged(boolean unfinishedTrace) {
        return !(unfinishedTrace && atTraceEnd);
    }

    /** The line that counts the explanations {@link #judged} left out on an unfinished trace. */
    public static String notJudged(int n) {
        return n + " realm(s) with a REC not entered again after its last exit where the trace ends:"
                + " not judged, the recording did not finish";
    }

    public String text() {
        StringBuilder b = new StringBuilder("realm " + hex(realm)
                + (createdSeq >= 0 ? " (the one created at seq " + createdSeq + ")" : "") + ": " + verdict + "\n");
        for (String c : chain) b.append("  - ").append(c).append('\n');
        return b.toString();
    }
}
