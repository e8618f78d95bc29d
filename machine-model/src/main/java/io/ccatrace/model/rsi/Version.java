package io.ccatrace.model.rsi;

/** RSI_VERSION(req), reference 6.2: rel0 implements 1.0 only; x1 = x2 = 0x10000. */
public final class Version implements RealmCall {
    public static final long V1_0 = 0x10000;

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        RsiStatus s = args[0] == V1_0 ? RsiStatus.RSI_SUCCESS : RsiStatus.RSI_ERROR_INPUT;
        return CallOutcome.done(s.code(), V1_0, V1_0);
    }
}
