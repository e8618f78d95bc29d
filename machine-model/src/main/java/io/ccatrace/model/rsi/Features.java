package io.ccatrace.model.rsi;

/** RSI_FEATURES(index), reference 6.2: no feature register is defined in 1.0; x1 = 0. */
public final class Features implements RealmCall {
    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code(), 0);
    }
}
