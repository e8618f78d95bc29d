package io.ccatrace.replay;

/**
 * How to replay: rmm is the model to replay on (null: the model the trace was recorded
 * on), until the last seq to replay (-1: all), maxDivergences the number of divergences
 * after which replay stops (0: no limit).
 */
public record ReplayOptions(String rmm, long until, long maxDivergences) {
    public static ReplayOptions all() {
        return new ReplayOptions(null, -1, 0);
    }

    public ReplayOptions withRmm(String id) {
        return new ReplayOptions(id, until, maxDivergences);
    }
}
