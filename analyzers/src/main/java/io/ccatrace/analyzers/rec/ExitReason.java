package io.ccatrace.analyzers.rec;

/** REC exit reasons the analyzers tell apart (RmiRecExitReason, reference 2.4), by exact name. */
public enum ExitReason {
    SYNC, IRQ, FIQ, PSCI, RIPAS_CHANGE, HOST_CALL, OTHER;

    public static ExitReason parse(String s) {
        if (s == null) return OTHER;
        switch (s) {
            case "SYNC": return SYNC;
            case "IRQ": return IRQ;
            case "FIQ": return FIQ;
            case "PSCI": return PSCI;
            case "RIPAS_CHANGE": return RIPAS_CHANGE;
            case "HOST_CALL": return HOST_CALL;
            default: return OTHER;
        }
    }

    /** Whether an exit of this reason shows the realm executing past its last fault (8.5). */
    public boolean progress() {
        return this == PSCI || this == HOST_CALL || this == RIPAS_CHANGE;
    }
}
