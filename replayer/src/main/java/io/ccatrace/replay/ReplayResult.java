package io.ccatrace.replay;

import io.ccatrace.replay.divergence.DivergenceSummary;

/**
 * Totals of one replay: the models, rows and inputs replayed, the last seq reached, whether
 * it stopped at the divergence limit, and divergence counts by command and field.
 */
public record ReplayResult(String recordedModel, String replayModel, long rows, long inputs,
                           long lastSeq, boolean stoppedAtLimit, DivergenceSummary summary) {
    public boolean diverged() {
        return summary.total() > 0;
    }
}
