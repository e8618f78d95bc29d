package io.ccatrace.analyzers.rmi;

/**
 * Why the specification requires a call to fail. lifecycle: the call uses a destroyed realm
 * or REC, or enters a running REC (rule 12); otherwise rule 10. misuse: a refusal is worth a
 * warning (host or guest misbehaviour); false for failures that are part of normal flows
 * (an RTT walk that stops early tells the host to create an RTT).
 */
public record Verdict(String reason, boolean lifecycle, boolean misuse) {
    static Verdict fail(String reason) {
        return new Verdict(reason, false, true);
    }

    static Verdict quiet(String reason) {
        return new Verdict(reason, false, false);
    }

    static Verdict lifecycle(String reason) {
        return new Verdict(reason, true, true);
    }
}
