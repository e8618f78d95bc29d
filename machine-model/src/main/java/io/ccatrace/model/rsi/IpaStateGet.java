package io.ccatrace.model.rsi;

import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttWalk;

/**
 * RSI_IPA_STATE_GET(base, end), reference 6.2: x2 = RIPAS at base, x1 = end of the run of
 * entries with that RIPAS inside the RTT the walk reached, capped at end.
 */
public final class IpaStateGet implements RealmCall {
    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        if (ctx.rmm().has(Quirk.EAC5_IPA_STATE_GET_SINGLE)) return single(ctx, args[0]);
        long base = args[0], end = args[1];
        // base_align, end_align
        if (!PhysicalMemory.isGranuleAligned(base) || !PhysicalMemory.isGranuleAligned(end)) {
            return input();
        }
        // size_valid
        if (Long.compareUnsigned(base, end) >= 0) return input();
        // rgn_bound: base and end - 1 Protected
        if (!ctx.realm().isProtected(base) || !ctx.realm().isProtected(end - 1)) return input();
        RttWalk w = RttWalk.walk(ctx.realm().startingRtts(), ctx.rmm().granules(), base,
                RttGeometry.MAX_LEVEL);
        Rtt t = w.table();
        Ripas r = w.ripas();
        int i = w.index();
        while (i < RttGeometry.ENTRIES && t.state(i).isProtected() && t.ripas(i) == r
                && Long.compareUnsigned(t.entryIpa(i), end) < 0) {
            i++;
        }
        long top = i == RttGeometry.ENTRIES ? t.topIpa() : t.entryIpa(i);
        if (Long.compareUnsigned(top, end) > 0) top = end;
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code(), top, r.ordinal());
    }

    /** 1.0-EAC5 form (reference 12.5): RSI_IPA_STATE_GET(ipa) -> x1 = RIPAS of ipa. */
    private static CallOutcome single(RealmContext ctx, long ipa) {
        // ipa_align, ipa_bound
        if (!PhysicalMemory.isGranuleAligned(ipa) || !ctx.realm().isProtected(ipa)) return input();
        RttWalk w = RttWalk.walk(ctx.realm().startingRtts(), ctx.rmm().granules(), ipa,
                RttGeometry.MAX_LEVEL);
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code(), w.ripas().ordinal());
    }

    private static CallOutcome input() {
        return CallOutcome.done(RsiStatus.RSI_ERROR_INPUT.code());
    }
}
