package io.ccatrace.model.rec;

/** RmiRecExitReason (reference 2.1): the encoding is the ordinal. */
public enum ExitReason {
    SYNC, IRQ, FIQ, PSCI, RIPAS_CHANGE, HOST_CALL, SERROR
}
