package io.ccatrace.analyzers.explain;

import io.ccatrace.analyzers.engine.LongMap;

/** What the explainer remembers about one realm: the events a crash story is made of. */
final class RealmStory {
    final long rd;
    long createdSeq = -1;
    long activatedSeq = -1;
    long systemOffSeq = -1;
    long destroyedSeq = -1;
    String stateAtDestroy;
    /** The input that gave the realm its current state (REALM_STATE's cause): seq and command. */
    long stateCauseSeq = -1;
    String stateCauseCmd;
    /** Last failed RMI call aimed at this realm: seq, command, status. */
    long errorSeq = -1;
    String errorCmd;
    String errorStatus;
    /** Why that call failed, when the trace shows it (a REC destroyed under the realm, the realm's state), or null. */
    String errorWhy;
    /** The last RMI_REC_ENTER of one of its RECs, or -1, and whether it failed. */
    long lastEnterSeq = -1;
    boolean lastEnterFailed;
    /** Last SEA injected into one of its RECs. */
    long seaSeq = -1;
    long seaIpa;
    long seaRec;
    String seaRipas;
    String seaCause;
    /** A REC stuck on a DESTROYED IPA: fault seq, IPA, REC, and what made the IPA DESTROYED. */
    long stuckSeq = -1;
    long stuckIpa;
    long stuckRec;
    String stuckCause;
    long progressAfterStuck = -1;
    long progressAfterSea = -1;
    /** A shutdown the realm asked for right after the SEA (a guest panic), or -1. */
    long shutdownSeq = -1;
    String shutdownCmd;
    /**
     * A SYSTEM_RESET the realm asked for after an SEA it did get past (it ran on for a while,
     * then reset: how a guest ends when the abort's damage surfaces later), or -1.
     */
    long lateResetSeq = -1;
    String lateResetCmd;
    /** Per REC: seq of its last exit, reason, and whether it was entered afterwards. */
    final LongMap<String> lastExit = new LongMap<>();
    /**
     * Per REC: the fault that made its last exit since its last REC_ENTER (removed on the next
     * entry), when that exit was a stage-2 fault the host had to handle.
     */
    final LongMap<FaultExit> faultExit = new LongMap<>();
    /** RTT entry (ipa|level) -> input seq that last changed it (a) and the new RIPAS code (b). */
    final LongMap<String> entryCause = new LongMap<>();

    RealmStory(long rd) {
        this.rd = rd;
    }
}
