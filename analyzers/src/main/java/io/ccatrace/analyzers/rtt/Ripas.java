package io.ccatrace.analyzers.rtt;

import java.util.Locale;

/** RIPAS values (reference section 2.1); NONE for entries that carry none. */
public enum Ripas {
    EMPTY, RAM, DESTROYED, NONE;

    private static final Ripas[] VALUES = values();

    public static Ripas of(int code) {
        return VALUES[code];
    }

    public static Ripas parse(String s) {
        if (s == null) return NONE;
        switch (s) {
            case "EMPTY": return EMPTY;
            case "RAM": return RAM;
            case "DESTROYED": return DESTROYED;
            default:
                String u = s.toUpperCase(Locale.ROOT);
                return u.equals(s) ? NONE : parse(u);
        }
    }

    /** RIPAS from its ABI encoding (0 EMPTY, 1 RAM, 2 DESTROYED). */
    public static Ripas ofAbi(long v) {
        return v == 0 ? EMPTY : v == 1 ? RAM : v == 2 ? DESTROYED : NONE;
    }
}
