package io.ccatrace.model.rsi;

import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunExit;

/**
 * RSI_IPA_STATE_SET(base, top, ripas, flags), reference 6.2: records a RIPAS change request
 * in the REC and exits to the host (RIPAS_CHANGE). It completes on the next entry (8.4).
 */
public final class IpaStateSet implements RealmCall {
    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long base = args[0], top = args[1], ripas = args[2], flags = args[3];
        // ripas_valid: a realm may only ask for EMPTY (0) or RAM (1)
        if (Long.compareUnsigned(ripas, 1) > 0) return input();
        // base_align, top_align
        if (!PhysicalMemory.isGranuleAligned(base) || !PhysicalMemory.isGranuleAligned(top)) {
            return input();
        }
        // size_valid
        if (Long.compareUnsigned(top, base) <= 0) return input();
        // rgn_bound: [base, top) entirely Protected
        if (Long.compareUnsigned(top, ctx.realm().protectedTop()) > 0) return input();
        Rec rec = ctx.rec();
        rec.ripasBase = base;
        rec.ripasTop = top;
        rec.ripasAddr = base;
        rec.ripasValue = (int) ripas;
        rec.ripasChangeDestroyed = flags == 1;   // rel0 keeps all of x4; only 1 means CHANGE_DESTROYED
        return new CallOutcome.Pending(PendingCall.RIPAS_CHANGE,
                RecRunExit.ripasChange(base, top, (int) ripas));
    }

    private static CallOutcome input() {
        return CallOutcome.done(RsiStatus.RSI_ERROR_INPUT.code());
    }
}
