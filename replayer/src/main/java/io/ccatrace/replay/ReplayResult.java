package io.ccatrace.replay;

import io.ccatrace.replay.divergence.DivergenceSummary;

/**
 * Totals of one replay: the models, rows and inputs replayed, the last seq reached, why it
 * stopped early (divergence limit, model failure; null when it did not), and divergence
 * counts by command and field.
 */
public record ReplayResult(String recordedModel, String replayModel, long rows, long inputs,
                           long lastSeq, String stoppedEarly, DivergenceSummary summary) {
    public boolean stoppedAtLimit() {
        return stoppedEarly != null;
    }

    public boolean diverged() {
        return summary.total() > 0;
    }
}
