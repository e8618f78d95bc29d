package io.ccatrace.model.rtt;

/** Realm IPA state (reference 2.1): encoding 0 EMPTY, 1 RAM, 2 DESTROYED. */
public enum Ripas {
    EMPTY, RAM, DESTROYED;

    public static Ripas of(long v) {
        return v >= 0 && v < 3 ? values()[(int) v] : null;
    }
}
