package io.ccatrace.model.guestos;

/**
 * Function IDs and values of the SMCs a realm makes: RSI (reference 6.1), PSCI and SMCCC
 * (reference 1.5, 6.3).
 */
public final class RealmCalls {
    public static final long RSI_VERSION = 0xC4000190L;
    public static final long RSI_FEATURES = 0xC4000191L;
    public static final long RSI_MEASUREMENT_READ = 0xC4000192L;
    public static final long RSI_MEASUREMENT_EXTEND = 0xC4000193L;
    public static final long RSI_ATTESTATION_TOKEN_INIT = 0xC4000194L;
    public static final long RSI_ATTESTATION_TOKEN_CONTINUE = 0xC4000195L;
    public static final long RSI_REALM_CONFIG = 0xC4000196L;
    public static final long RSI_IPA_STATE_SET = 0xC4000197L;
    public static final long RSI_IPA_STATE_GET = 0xC4000198L;
    public static final long RSI_HOST_CALL = 0xC4000199L;

    public static final long SMCCC_VERSION = 0x80000000L;
    public static final long PSCI_VERSION = 0x84000000L;
    public static final long PSCI_CPU_OFF = 0x84000002L;
    public static final long PSCI_CPU_ON = 0xC4000003L;
    public static final long PSCI_AFFINITY_INFO = 0xC4000004L;
    public static final long PSCI_SYSTEM_OFF = 0x84000008L;
    public static final long PSCI_SYSTEM_RESET = 0x84000009L;
    public static final long PSCI_FEATURES = 0x8400000AL;

    /** RSI ABI revision 1.0 (reference 6.2, RSI_VERSION). */
    public static final long RSI_ABI_1_0 = 0x10000L;
    public static final long RSI_SUCCESS = 0, RSI_ERROR_INPUT = 1, RSI_INCOMPLETE = 3;
    public static final long RIPAS_EMPTY = 0, RIPAS_RAM = 1;
    public static final long NO_CHANGE_DESTROYED = 0, CHANGE_DESTROYED = 1;
    public static final long RSI_ACCEPT = 0, RSI_REJECT = 1;
    public static final long AFFINITY_ON = 0, AFFINITY_OFF = 1;

    private RealmCalls() {
    }
}
