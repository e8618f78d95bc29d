package io.ccatrace.analyzers.rtt;

import java.util.Locale;

/** Internal RTT entry states of reference section 7.4 (ABSENT: no entry known). */
public enum RttState {
    ABSENT, UNASSIGNED, ASSIGNED, UNASSIGNED_NS, ASSIGNED_NS, TABLE;

    private static final RttState[] VALUES = values();

    public static RttState of(int code) {
        return VALUES[code];
    }

    /** Whether entries in this state belong to the protected half. */
    public boolean isProtected() {
        return this == UNASSIGNED || this == ASSIGNED;
    }

    public boolean isUnprotected() {
        return this == UNASSIGNED_NS || this == ASSIGNED_NS;
    }

    public boolean isAssigned() {
        return this == ASSIGNED || this == ASSIGNED_NS;
    }

    public static RttState parse(String s) {
        if (s == null) return ABSENT;
        switch (s) {
            case "UNASSIGNED": return UNASSIGNED;
            case "ASSIGNED": return ASSIGNED;
            case "UNASSIGNED_NS": return UNASSIGNED_NS;
            case "ASSIGNED_NS": case "VALID_NS": return ASSIGNED_NS;
            case "TABLE": return TABLE;
            default:
                String u = s.toUpperCase(Locale.ROOT);
                return u.equals(s) ? ABSENT : parse(u);
        }
    }
}
