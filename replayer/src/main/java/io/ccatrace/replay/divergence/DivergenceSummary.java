package io.ccatrace.replay.divergence;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Divergence counts by command and first differing field (sorted: deterministic output). */
public final class DivergenceSummary {
    private final TreeMap<String, TreeMap<String, Long>> counts = new TreeMap<>();
    private long total;

    public void add(Divergence d) {
        counts.computeIfAbsent(d.command(), k -> new TreeMap<>()).merge(d.field(), 1L, Long::sum);
        total++;
    }

    public long total() {
        return total;
    }

    /** command -> field -> count. */
    public Map<String, Map<String, Long>> byCommand() {
        TreeMap<String, Map<String, Long>> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(m);
    }
}
