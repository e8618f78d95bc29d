package io.ccatrace.model.rsi;

import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.stage2.Access;

/**
 * RSI_HOST_CALL(addr), reference 6.2 and 9.5: exits to the host with the RsiHostCall's imm
 * and gprs[0..30]; on the next entry enter.gprs[0..30] are written back (RecEntry).
 */
public final class HostCall implements RealmCall {
    /** RsiHostCall layout (reference 9.5); imm is read as 4 bytes as TF-RMM does. */
    public static final int SIZE = 0x100, OFF_IMM = 0x000, OFF_GPRS = 0x008, NUM_GPRS = 31;

    @Override
    public CallOutcome execute(RealmContext ctx, long[] args) {
        long ipa = args[0];
        // addr_align (a 256-byte aligned structure never crosses a granule), addr_bound
        if ((ipa & (SIZE - 1)) != 0 || !ctx.realm().isProtected(ipa)) {
            return CallOutcome.done(RsiStatus.RSI_ERROR_INPUT.code());
        }
        RealmBuffer.Walk w = RealmBuffer.walk(ctx, ipa, Access.READ);
        if (!w.ok()) return w.failure();
        PhysicalMemory m = ctx.rmm().memory();
        byte[] imm = m.read(w.pa() + OFF_IMM, 4);
        long[] gprs = new long[NUM_GPRS];
        for (int i = 0; i < NUM_GPRS; i++) gprs[i] = m.readLong(w.pa() + OFF_GPRS + 8L * i);
        ctx.rec().hostCallIpa = ipa;
        long immValue = Registers.fromBytes(imm, 1)[0];
        return new CallOutcome.Pending(PendingCall.HOST_CALL, RecRunExit.hostCall(immValue, gprs));
    }
}
