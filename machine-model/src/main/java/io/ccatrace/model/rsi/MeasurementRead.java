package io.ccatrace.model.rsi;

/** RSI_MEASUREMENT_READ(index), reference 6.2: x1..x8 = the 64-byte slot. */
public final class MeasurementRead implements RealmCall {
    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long index = args[0];
        // index_bound
        if (Long.compareUnsigned(index, 4) > 0) {
            return CallOutcome.done(RsiStatus.RSI_ERROR_INPUT.code());
        }
        byte[] slot = ctx.realm().measurement((int) index);
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code(), Registers.fromBytes(slot, 8));
    }
}
