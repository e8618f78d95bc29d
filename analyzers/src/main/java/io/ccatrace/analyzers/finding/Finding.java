package io.ccatrace.analyzers.finding;

import java.util.Arrays;

/**
 * One result of a rule: which rule, how bad, the seq numbers of the events that prove it
 * (first one is the event where the rule fired), the realm concerned (RD PA, or
 * {@link Long#MIN_VALUE} when none) and a message a person can act on.
 */
public record Finding(String ruleId, Severity severity, long[] seqs, long realm, String message)
        implements Comparable<Finding> {

    public long seq() {
        return seqs.length == 0 ? -1 : seqs[0];
    }

    public boolean hasRealm() {
        return realm != Long.MIN_VALUE;
    }

    @Override
    public int compareTo(Finding o) {
        int c = Long.compare(seq(), o.seq());
        if (c != 0) return c;
        c = ruleId.compareTo(o.ruleId);
        if (c != 0) return c;
        return message.compareTo(o.message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding && compareTo((Finding) o) == 0
                && Arrays.equals(seqs, ((Finding) o).seqs) && realm == ((Finding) o).realm
                && severity == ((Finding) o).severity;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq()) * 31 + ruleId.hashCode();
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + " seq " + seq() + ": " + message;
    }
}
