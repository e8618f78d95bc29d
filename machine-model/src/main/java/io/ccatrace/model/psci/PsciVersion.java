package io.ccatrace.model.psci;

import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.RealmCall;
import io.ccatrace.model.rsi.RealmContext;

/** PSCI_VERSION (reference 6.3): PSCI 1.1, no exit. */
public final class PsciVersion implements RealmCall {
    public static final long V1_1 = 0x10001;

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        return new CallOutcome.Done(V1_1, new long[0], null);
    }
}
