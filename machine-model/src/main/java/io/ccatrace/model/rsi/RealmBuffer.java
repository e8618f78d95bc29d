package io.ccatrace.model.rsi;

import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.stage2.Access;
import io.ccatrace.model.stage2.Stage2;
import io.ccatrace.model.stage2.Stage2Faults;
import io.ccatrace.model.stage2.Syndrome;

/**
 * The common rule for RSI commands that use a realm buffer at a Protected IPA (reference
 * 6.1): ASSIGNED RAM proceeds; RIPAS EMPTY is RSI_ERROR_INPUT; UNASSIGNED RAM or DESTROYED
 * exits to the host as a data abort at that IPA and the realm re-issues the SMC.
 */
public final class RealmBuffer {
    /** pa of the buffer, or the outcome the command must return instead (pa then unused). */
    public record Walk(long pa, CallOutcome failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private RealmBuffer() {
    }

    public static Walk walk(RealmContext ctx, long ipa, Access access) {
        Stage2.Translation t = Stage2.translate(ctx.realm(), ctx.rmm().granules(), ipa, access);
        if (t.ripas() == Ripas.EMPTY) {
            return new Walk(0, CallOutcome.done(RsiStatus.RSI_ERROR_INPUT.code()));
        }
        if (t.outcome() == Stage2.Outcome.MAPPED) return new Walk(t.pa(), null);
        return new Walk(0, new CallOutcome.Retry(abortExit(ctx, ipa, access, t)));
    }

    /**
     * The synthetic data abort exit of reference 8.3 ("RSI call hit an unmapped buffer"):
     * EC data abort, DFSC translation fault at the walk level, far 0, hpfar = ipa >> 8. Also
     * records the STAGE2_FAULT.
     */
    public static RecRunExit abortExit(RealmContext ctx, long ipa, Access access,
                                       Stage2.Translation t) {
        Stage2Faults.emit(ctx.rmm().bus(), ctx.realm().rd(), ctx.rec().pa(), ipa, access, t,
                Stage2Faults.outcomeOf(t));
        long esr = ((long) Syndrome.EC_DATA_ABORT_LOWER << 26) | Syndrome.translationFault(t.level());
        return RecRunExit.of(ExitReason.SYNC, esr, 0, ipa >>> 8);
    }
}
