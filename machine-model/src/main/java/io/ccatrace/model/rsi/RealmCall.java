package io.ccatrace.model.rsi;

/**
 * One handler for an SMC from a realm (an RSI command or a PSCI/SMCCC function). args[0] is
 * x1. Implementations check the failure conditions in the reference's order.
 */
@FunctionalInterface
public interface RealmCall {
    CallOutcome execute(RealmContext ctx, long[] args);
}
