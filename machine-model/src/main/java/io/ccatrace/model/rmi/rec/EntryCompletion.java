package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rsi.HostCall;
import io.ccatrace.model.rsi.RealmBuffer;
import io.ccatrace.model.rsi.RealmContext;
import io.ccatrace.model.rsi.RsiStatus;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.stage2.Access;
import io.ccatrace.model.stage2.Stage2;

/**
 * RMI_REC_ENTER entry processing before the realm runs (reference 4.22 steps 2..6): injected
 * SEA or MMIO emulation for the last data abort, and completion of the realm SMC that
 * exited to the host (RIPAS change 8.4, host call 6.2, PSCI after PSCI_COMPLETE).
 */
final class EntryCompletion {
    private final RealmContext ctx;
    private final SmcExecutor smc;

    EntryCompletion(RealmContext ctx, SmcExecutor smc) {
        this.ctx = ctx;
        this.smc = smc;
    }

    /**
     * Whether {@link #complete} has anything to do: the last exit was a data abort at an
     * Unprotected IPA, or a realm call waits for completion.
     */
    static boolean pending(Rec rec, boolean lastAbortUnprotected) {
        return lastAbortUnprotected || rec.pendingCall != PendingCall.NONE;
    }

    /**
     * @param lastAbortUnprotected whether the previous exit was a data abort at an
     *                             Unprotected IPA (so INJECT_SEA / EMUL_MMIO apply to it)
     * @return an exit when the REC must go back to the host without running, else null
     */
    RecRunExit complete(RecRunEnter enter, boolean lastAbortUnprotected) {
        Rec rec = ctx.rec();
        GuestStep head = ctx.rmm().guest().peek(rec.pa());
        if (lastAbortUnprotected && head != null) {
            if (enter.has(RecRunEnter.INJECT_SEA)) {
                ctx.rmm().guest().pop(rec.pa());        // the realm's abort handler runs
            } else if (enter.has(RecRunEnter.EMUL_MMIO)) {
                if (head.op() == GuestStep.Op.READ) {
                    rec.gprs[0] = AccessExecutor.mask(enter.gprs()[0], head.size());
                }
                ctx.rmm().guest().pop(rec.pa());        // PC += 4
            }
        }
        switch (rec.pendingCall) {
            case RIPAS_CHANGE:
                completeRipasChange(enter, head);
                return null;
            case HOST_CALL:
                return completeHostCall(enter, head);
            case PSCI:
                // PSCI_COMPLETE has set x0..x3 (REC_ENTER refuses while the request is pending)
                smc.complete(head, rec.gprs[0], new long[0]);
                return null;
            default:
                return null;
        }
    }

    /** Reference 8.4: x1 = first IPA not changed; x2 = REJECT only for an unfinished RAM request. */
    private void completeRipasChange(RecRunEnter enter, GuestStep head) {
        Rec rec = ctx.rec();
        boolean reject = rec.ripasValue == Ripas.RAM.ordinal() && rec.ripasAddr != rec.ripasTop
                && enter.has(RecRunEnter.RIPAS_RESPONSE);
        long addr = rec.ripasAddr;
        rec.ripasBase = 0;
        rec.ripasTop = 0;
        rec.ripasAddr = 0;
        smc.complete(head, RsiStatus.RSI_SUCCESS.code(),
                new long[] {addr, reject ? RsiStatus.REJECT : RsiStatus.ACCEPT});
    }

    /**
     * Reference 6.2 / 4.22 step 6: enter.gprs[0..30] go into the RsiHostCall. If its page is
     * RIPAS EMPTY now, nothing is copied; if it is no longer mapped, the REC exits with a data
     * abort at it without running and the host call stays pending.
     */
    private RecRunExit completeHostCall(RecRunEnter enter, GuestStep head) {
        Rec rec = ctx.rec();
        long ipa = rec.hostCallIpa;
        Stage2.Translation t = Stage2.translate(ctx.realm(), ctx.rmm().granules(), ipa, Access.WRITE);
        if (t.outcome() == Stage2.Outcome.MAPPED) {
            long[] g = enter.gprs();
            for (int i = 0; i < HostCall.NUM_GPRS; i++) {
                ctx.rmm().memory().writeLong(t.pa() + HostCall.OFF_GPRS + 8L * i, g[i]);
            }
        } else if (t.ripas() != Ripas.EMPTY) {
            return RealmBuffer.abortExit(ctx, ipa, Access.WRITE, t);
        }
        rec.hostCallIpa = -1;
        smc.complete(head, RsiStatus.RSI_SUCCESS.code(), new long[0]);
        return null;
    }
}
