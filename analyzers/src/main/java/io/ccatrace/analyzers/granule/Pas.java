package io.ccatrace.analyzers.granule;

import java.util.Locale;

/** Physical address spaces of the Granule Protection Table (reference section 14). */
public enum Pas {
    NS, REALM, SECURE, ROOT, UNKNOWN;

    private static final Pas[] VALUES = values();

    public static Pas of(int code) {
        return VALUES[code];
    }

    public static Pas parse(String s) {
        if (s == null) return UNKNOWN;
        switch (s) {
            case "NS": case "NON_SECURE": case "NONSECURE": return NS;
            case "REALM": return REALM;
            case "SECURE": return SECURE;
            case "ROOT": return ROOT;
            default:
                String u = s.toUpperCase(Locale.ROOT);
                return u.equals(s) ? UNKNOWN : parse(u);
        }
    }
}
