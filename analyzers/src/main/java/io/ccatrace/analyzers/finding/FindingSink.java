package io.ccatrace.analyzers.finding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects findings. Memory stays bounded on long traces: each (rule, severity) pair keeps
 * its first {@code perRuleLimit} findings and only counts the rest.
 */
public final class FindingSink {
    private final int perRuleLimit;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, long[]> counts = new TreeMap<>();

    public FindingSink(int perRuleLimit) {
        this.perRuleLimit = perRuleLimit;
    }

    public FindingSink() {
        this(1000);
    }

    public void violation(String rule, long realm, String message, long... seqs) {
        add(new Finding(rule, Severity.VIOLATION, seqs, realm, message));
    }

    public void warning(String rule, long realm, String message, long... seqs) {
        add(new Finding(rule, Severity.WARNING, seqs, realm, message));
    }

    public void add(Finding f) {
        long[] c = counts.computeIfAbsent(f.ruleId(), k -> new long[Severity.values().length]);
        if (c[f.severity().ordinal()]++ < perRuleLimit) kept.add(f);
    }

    /** Findings kept, ordered by seq then rule id (deterministic). */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>(kept);
        Collections.sort(out);
        return out;
    }

    /** Total number of findings of a severity, kept or not. */
    public long total(Severity s) {
        long n = 0;
        for (long[] c : counts.values()) n += c[s.ordinal()];
        return n;
    }

    /** Per rule id: counts indexed by Severity ordinal, including findings not kept. */
    public Map<String, long[]> counts() {
        return Collections.unmodifiableMap(counts);
    }

    public int perRuleLimit() {
        return perRuleLimit;
    }
}
