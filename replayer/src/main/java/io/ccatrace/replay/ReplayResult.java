package io.ccatrace.replay;

import io.ccatrace.replay.divergence.CutWindow;
import io.ccatrace.replay.divergence.DivergenceSummary;

/**
 * Totals of one replay: the models, rows and inputs replayed, the last seq reached, why it
 * stopped early (divergence limit, model failure; null when it did not), divergence
 * counts by command and field, and, for an unfinished trace, how many replayed effects of
 * the window it ends in were not judged and that window's seq ({@link CutWindow}; 0 and -1
 * otherwise).
 */
public record ReplayResult(String recordedModel, String replayModel, long rows, long inputs,
                           long lastSeq, String stoppedEarly, DivergenceSummary summary,
                           long unjudged, long cutSeq) {
    /** The summary's line on the effects not judged, or null when every effect was. */
    public String unjudgedNote() {
        return unjudged > 0 ? CutWindow.note(cutSeq, unjudged) : null;
    }

    public boolean stoppedAtLimit() {
        return stoppedEarly != null;
    }

    public boolean diverged() {
        return summary.total() > 0;
    }
}
