package io.ccatrace.analyzers.rmi;

/** RSI 1.0 commands (reference section 6.1) and the PSCI calls the analyzers look at. */
public enum RsiCommand {
    RSI_VERSION, RSI_FEATURES, RSI_MEASUREMENT_READ, RSI_MEASUREMENT_EXTEND,
    RSI_ATTESTATION_TOKEN_INIT, RSI_ATTESTATION_TOKEN_CONTINUE, RSI_REALM_CONFIG,
    RSI_IPA_STATE_SET, RSI_IPA_STATE_GET, RSI_HOST_CALL,
    PSCI_CPU_ON, PSCI_CPU_OFF, PSCI_AFFINITY_INFO, PSCI_SYSTEM_OFF, PSCI_SYSTEM_RESET, OTHER;

    private static final RsiCommand[] RSI = {RSI_VERSION, RSI_FEATURES, RSI_MEASUREMENT_READ,
        RSI_MEASUREMENT_EXTEND, RSI_ATTESTATION_TOKEN_INIT, RSI_ATTESTATION_TOKEN_CONTINUE,
        RSI_REALM_CONFIG, RSI_IPA_STATE_SET, RSI_IPA_STATE_GET, RSI_HOST_CALL};

    /** Decodes a realm SMC by name, falling back to its function id. */
    public static RsiCommand of(String name, long fid) {
        if (name != null) {
            for (RsiCommand c : RSI) {
                if (c.name().equals(name)) return c;
            }
            switch (name) {
                case "PSCI_CPU_ON": return PSCI_CPU_ON;
                case "PSCI_CPU_OFF": return PSCI_CPU_OFF;
                case "PSCI_AFFINITY_INFO": return PSCI_AFFINITY_INFO;
                case "PSCI_SYSTEM_OFF": return PSCI_SYSTEM_OFF;
                case "PSCI_SYSTEM_RESET": return PSCI_SYSTEM_RESET;
                default: break;
            }
        }
        return ofFid(fid);
    }

    /** Decodes a function id (section 6.1 and 6.3). */
    public static RsiCommand ofFid(long fid) {
        if (fid == Long.MIN_VALUE) return OTHER;
        long f = fid & 0xFFFFFFFFL;
        if (f >= 0xC4000190L && f <= 0xC4000199L) return RSI[(int) (f - 0xC4000190L)];
        long psci = f & ~0x40000000L;
        if (psci == 0x84000003L) return PSCI_CPU_ON;
        if (psci == 0x84000002L) return PSCI_CPU_OFF;
        if (psci == 0x84000004L) return PSCI_AFFINITY_INFO;
        if (psci == 0x84000008L) return PSCI_SYSTEM_OFF;
        if (psci == 0x84000009L) return PSCI_SYSTEM_RESET;
        return OTHER;
    }
}
