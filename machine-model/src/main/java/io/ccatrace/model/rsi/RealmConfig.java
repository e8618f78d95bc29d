package io.ccatrace.model.rsi;

import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.stage2.Access;

/** RSI_REALM_CONFIG(addr), reference 6.2: writes RsiRealmConfig (9.4) into the page. */
public final class RealmConfig implements RealmCall {
    public static final int OFF_IPA_WIDTH = 0x000, OFF_HASH_ALGO = 0x008, OFF_RPV = 0x200;

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long ipa = args[0];
        // addr_align, addr_bound
        if (!PhysicalMemory.isGranuleAligned(ipa) || !ctx.realm().isProtected(ipa)) {
            return CallOutcome.done(RsiStatus.RSI_ERROR_INPUT.code());
        }
        RealmBuffer.Walk w = RealmBuffer.walk(ctx, ipa, Access.WRITE);
        if (!w.ok()) return w.failure();
        PhysicalMemory m = ctx.rmm().memory();
        m.writeLong(w.pa() + OFF_IPA_WIDTH, ctx.realm().s2sz());
        if (ctx.rmm().has(Quirk.EAC5_REALM_CONFIG_LAYOUT)) {
            // 1.0-EAC5 (reference 12.5): hash_algo is a u64, there is no rpv field
            m.writeLong(w.pa() + OFF_HASH_ALGO, ctx.realm().params().hashAlgo());
        } else {
            m.write(w.pa() + OFF_HASH_ALGO, new byte[] {(byte) ctx.realm().params().hashAlgo()});
            m.write(w.pa() + OFF_RPV, ctx.realm().params().rpv());
        }
        return CallOutcome.done(RsiStatus.RSI_SUCCESS.code());
    }
}
