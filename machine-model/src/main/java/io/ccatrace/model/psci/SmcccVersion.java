package io.ccatrace.model.psci;

import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;

/** SMCCC_VERSION (reference 6.3): SMCCC 1.2, no exit. */
public final class SmcccVersion implements RealmCall {
    public static final long V1_2 = 0x10002;

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        return new CallOutcome.Done(V1_2, new long[0], null);
    }
}
