package io.ccatrace.analyzers.rmi;

/**
 * Why the specification requires a call to fail. lifecycle: the call uses a destroyed realm
 * or REC, or enters a running REC (rule 12); otherwise rule 10. misuse: a refusal is worth a
 * warning (host or guest misbehaviour); false for failures that are part of normal flows
 * (an RTT walk that stops early tells the host to create an RTT). beforeWalk: the failed
 * condition ranks before the command's RTT walk in its failure table, so an RMI_ERROR_RTT
 * answer (a walk result) shows the RMM never checked it.
 */
public record Verdict(String reason, boolean lifecycle, boolean misuse, boolean beforeWalk) {
    static Verdict fail(String reason) {
        return new Verdict(reason, false, true, false);
    }

    static Verdict quiet(String reason) {
        return new Verdict(reason, false, false, false);
    }

    static Verdict lifecycle(String reason) {
        return new Verdict(reason, true, true, false);
    }

    /** A misuse whose condition the command checks before it walks the RTT (e.g. 4.21 base_bound, order 5, before base_align, order 6). */
    static Verdict failBeforeWalk(String reason) {
        return new Verdict(reason, false, true, true);
    }
}
