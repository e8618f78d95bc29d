package io.ccatrace.model.rsi;

/** How the x0 a realm received is named in RSI_CALL events (script-format.md). */
public enum ResultNames {
    /** RSI_* status codes. */
    RSI,
    /** PSCI_* return codes. */
    PSCI,
    /** AFFINITY_INFO: AFFINITY_ON / AFFINITY_OFF, or a PSCI error. */
    AFFINITY,
    /** A version number major.minor: VERSION_1_1. */
    VERSION;

    private static final RsiStatus[] STATUSES = RsiStatus.values();

    public String name(long x0) {
        switch (this) {
            case RSI:
                return x0 >= 0 && x0 < STATUSES.length ? STATUSES[(int) x0].name() : "UNKNOWN";
            case AFFINITY:
                if (x0 == 0) return "AFFINITY_ON";
                if (x0 == 1) return "AFFINITY_OFF";
                return psci(x0);
            case VERSION:
                return "VERSION_" + (x0 >>> 16) + "_" + (x0 & 0xFFFF);
            default:
                return psci(x0);
        }
    }

    static String psci(long x0) {
        switch ((int) x0) {
            case 0: return "PSCI_SUCCESS";
            case -1: return "PSCI_NOT_SUPPORTED";
            case -2: return "PSCI_INVALID_PARAMETERS";
            case -3: return "PSCI_DENIED";
            case -4: return "PSCI_ALREADY_ON";
            case -9: return "PSCI_INVALID_ADDRESS";
            default: return "UNKNOWN";
        }
    }
}
