package io.ccatrace.model.rsi;

import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.stage2.Access;
import java.util.Arrays;

/**
 * RSI_ATTESTATION_TOKEN_CONTINUE(addr, offset, size), reference 6.2: copies the next chunk
 * of the token into the realm's buffer at addr + offset. x1 = bytes written; x0 =
 * RSI_INCOMPLETE while bytes remain, RSI_SUCCESS with the last chunk (the operation ends).
 * Signing is never pre-empted in the model (docs/model-decisions.md).
 */
public final class AttestationTokenContinue implements RealmCall {
    static final long GRANULE = PhysicalMemory.GRANULE_SIZE;

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long ipa = args[0], offset = args[1], size = args[2];
        // addr_align, offset_bound, size_overflow, size_bound
        if (!PhysicalMemory.isGranuleAligned(ipa)) return status(RsiStatus.RSI_ERROR_INPUT);
        if (Long.compareUnsigned(offset, GRANULE) >= 0) return status(RsiStatus.RSI_ERROR_INPUT);
        long end = offset + size;
        if (Long.compareUnsigned(end, offset) < 0 || Long.compareUnsigned(end, GRANULE) > 0) {
            return status(RsiStatus.RSI_ERROR_INPUT);
        }
        // addr_bound
        if (!ctx.realm().isProtected(ipa)) return status(RsiStatus.RSI_ERROR_INPUT);
        Rec rec = ctx.rec();
        // state: no TOKEN_INIT in progress
        if (rec.attestToken == null) return status(RsiStatus.RSI_ERROR_STATE);
        RealmBuffer.Walk w = RealmBuffer.walk(ctx, ipa, Access.WRITE);
        if (!w.ok()) return w.failure();
        if (size == 0) return CallOutcome.done(RsiStatus.RSI_INCOMPLETE.code(), 0);
        int remaining = rec.attestToken.length - rec.attestOffset;
        int n = (int) Math.min(size, remaining);
        ctx.rmm().memory().write(w.pa() + offset,
                Arrays.copyOfRange(rec.attestToken, rec.attestOffset, rec.attestOffset + n));
        rec.attestOffset += n;
        if (rec.attestOffset < rec.attestToken.length) {
            return CallOutcome.done(RsiStatus.RSI_INCOMPLETE.code(), n);
        }
        rec.attestToken = null;
        rec.attestChallenge = null;
        rec.attestOffset = 0;
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code(), n);
    }

    private static CallOutcome status(RsiStatus s) {
        return CallOutcome.done(s.code(), 0);
    }
}
