package io.ccatrace.analyzers.realm;

import java.util.Locale;

/** Realm lifecycle states of reference section 7.2, plus DESTROYED once its RD is gone. */
public enum RealmState {
    NONE, NEW, ACTIVE, SYSTEM_OFF, DESTROYED;

    public static RealmState parse(String s) {
        if (s == null) return NONE;
        switch (s) {
            case "NEW": return NEW;
            case "ACTIVE": return ACTIVE;
            case "SYSTEM_OFF": return SYSTEM_OFF;
            case "DESTROYED": return DESTROYED;
            default:
                String u = s.toUpperCase(Locale.ROOT);
                return u.equals(s) ? NONE : parse(u);
        }
    }

    /** Whether the realm has been activated (RIM frozen, RIPAS host-immutable). */
    public boolean activated() {
        return this == ACTIVE || this == SYSTEM_OFF;
    }
}
