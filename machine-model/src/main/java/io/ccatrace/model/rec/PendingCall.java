package io.ccatrace.model.rec;

/**
 * A realm SMC that exited to the host and completes on the REC's next entry (reference 7.3,
 * script-format.md execution rules): the RSI_CALL event of the call is emitted then.
 */
public enum PendingCall {
    NONE,
    /** PSCI CPU_ON / AFFINITY_INFO forwarded to the host; results come from PSCI_COMPLETE. */
    PSCI,
    /** RSI_IPA_STATE_SET; results come from the REC's RIPAS change progress (reference 8.4). */
    RIPAS_CHANGE,
    /** RSI_HOST_CALL; results come from enter.gprs (reference 6.2). */
    HOST_CALL
}
