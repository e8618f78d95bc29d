package io.ccatrace.model.scenario;

/** Told how far a recording has got (events so far, target or 0 when unknown). */
@FunctionalInterface
public interface Progress {
    void update(long events, long target);

    Progress NONE = (e, t) -> { };
}
