package io.ccatrace.model.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names a script may use in a guest `call` step: the RSI commands (reference 6.1) and the
 * PSCI / SMCCC calls a realm makes (reference 6.3; the SMC64 function ids where PSCI has
 * both). Any other function goes through a raw `fid` step.
 */
final class RealmCalls {
    private static final Map<String, Long> BY_NAME = new LinkedHashMap<>();

    static {
        String[] rsi = {"RSI_VERSION", "RSI_FEATURES", "RSI_MEASUREMENT_READ",
            "RSI_MEASUREMENT_EXTEND", "RSI_ATTESTATION_TOKEN_INIT",
            "RSI_ATTESTATION_TOKEN_CONTINUE", "RSI_REALM_CONFIG", "RSI_IPA_STATE_SET",
            "RSI_IPA_STATE_GET", "RSI_HOST_CALL"};
        for (int i = 0; i < rsi.length; i++) BY_NAME.put(rsi[i], 0xC4000190L + i);
        BY_NAME.put("SMCCC_VERSION", 0x80000000L);
        BY_NAME.put("PSCI_VERSION", 0x84000000L);
        BY_NAME.put("PSCI_CPU_SUSPEND", 0xC4000001L);
        BY_NAME.put("PSCI_CPU_OFF", 0x84000002L);
        BY_NAME.put("PSCI_CPU_ON", 0xC4000003L);
        BY_NAME.put("PSCI_AFFINITY_INFO", 0xC4000004L);
        BY_NAME.put("PSCI_SYSTEM_OFF", 0x84000008L);
        BY_NAME.put("PSCI_SYSTEM_RESET", 0x84000009L);
        BY_NAME.put("PSCI_FEATURES", 0x8400000AL);
    }

    private RealmCalls() {
    }

    /** The function id for a name, or null. */
    static Long fid(String name) {
        return BY_NAME.get(name);
    }

    static Map<String, Long> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }
}
