package io.ccatrace.model.rsi;

/** RSI status codes of 1.0-rel0 (reference 1.4); the code is the ordinal. */
public enum RsiStatus {
    RSI_SUCCESS, RSI_ERROR_INPUT, RSI_ERROR_STATE, RSI_INCOMPLETE, RSI_ERROR_UNKNOWN;

    public long code() {
        return ordinal();
    }

    /** RsiResponse values returned in x2 by a completed RSI_IPA_STATE_SET. */
    public static final long ACCEPT = 0, REJECT = 1;
}
