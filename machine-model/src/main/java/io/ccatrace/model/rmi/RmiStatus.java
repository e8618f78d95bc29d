package io.ccatrace.model.rmi;

/** RMI status codes of RMM 1.0 (reference 1.3). */
public enum RmiStatus {
    RMI_SUCCESS, RMI_ERROR_INPUT, RMI_ERROR_REALM, RMI_ERROR_REC, RMI_ERROR_RTT;

    public int code() {
        return ordinal();
    }
}
