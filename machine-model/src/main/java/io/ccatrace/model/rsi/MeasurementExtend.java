package io.ccatrace.model.rsi;

import java.util.Arrays;

/**
 * RSI_MEASUREMENT_EXTEND(index, size, value in x3..x10), reference 6.2 and 10.3:
 * REM[index] := H(REM[index] || value[0..size)).
 */
public final class MeasurementExtend implements RealmCall {
    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long index = args[0];
        long size = args[1];
        // index_bound: only REMs 1..4 are extensible
        if (index == 0 || Long.compareUnsigned(index, 4) > 0) return input();
        // size_bound
        if (Long.compareUnsigned(size, 64) > 0) return input();
        byte[] value = Arrays.copyOf(Registers.toBytes(args, 2, 8), (int) size);
        ctx.rmm().measurements().extendRem(ctx.realm(), (int) index, value);
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code());
    }

    private static CallOutcome input() {
        return CallOutcome.done(RsiStatus.RSI_ERROR_INPUT.code());
    }
}
