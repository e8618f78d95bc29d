package io.ccatrace.model.rsi;

import io.ccatrace.model.attestation.AttestationKey;
import io.ccatrace.model.attestation.RealmToken;
import io.ccatrace.model.rec.Rec;

/**
 * RSI_ATTESTATION_TOKEN_INIT(challenge in x1..x8), reference 6.2: starts (or restarts) a
 * token operation on this REC. The token's claims are taken now; x1 = upper bound of the
 * token size (TF-RMM: one 4 KiB buffer).
 */
public final class AttestationTokenInit implements RealmCall {
    public static final long MAX_TOKEN_SIZE = 4096;

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        byte[] challenge = Registers.toBytes(args, 0, 8);
        Rec rec = ctx.rec();
        rec.attestChallenge = challenge;
        rec.attestToken = RealmToken.build(ctx.realm(), challenge,
                AttestationKey.forSeed(ctx.rmm().config().seed()));
        rec.attestOffset = 0;
        if (rec.attestToken.length > MAX_TOKEN_SIZE) {
            throw new IllegalStateException("token larger than the advertised bound");
        }
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code(), MAX_TOKEN_SIZE);
    }
}
