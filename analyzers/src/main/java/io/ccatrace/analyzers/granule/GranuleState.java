package io.ccatrace.analyzers.granule;

import java.util.Locale;

/** Granule states of reference section 7.1, as named in GRANULE_STATE rows. */
public enum GranuleState {
    UNDELEGATED, DELEGATED, RD, REC, REC_AUX, DATA, RTT, UNKNOWN;

    private static final GranuleState[] VALUES = values();

    public static GranuleState of(int code) {
        return VALUES[code];
    }

    /** Whether the granule holds a realm object (RD, REC, REC_AUX, DATA or RTT). */
    public boolean inUse() {
        return this == RD || this == REC || this == REC_AUX || this == DATA || this == RTT;
    }

    public static GranuleState parse(String s) {
        if (s == null) return UNKNOWN;
        switch (s) {
            case "UNDELEGATED": return UNDELEGATED;
            case "DELEGATED": return DELEGATED;
            case "RD": return RD;
            case "REC": return REC;
            case "REC_AUX": return REC_AUX;
            case "DATA": return DATA;
            case "RTT": return RTT;
            default:
                String u = s.toUpperCase(Locale.ROOT);
                return u.equals(s) ? UNKNOWN : parse(u);
        }
    }
}
