package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.psci.Psci;
import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rsi.CallOutcome;
import io.ccatrace.model.rsi.HostCall;
import io.ccatrace.model.rsi.RealmCallTable;
import io.ccatrace.model.rsi.RealmContext;
import io.ccatrace.model.stage2.Access;
import io.ccatrace.model.stage2.Stage2;
import java.util.Arrays;

/**
 * Runs an SMC step of a realm (an RSI or PSCI call, or the host_call shorthand) through the
 * model's realm call table, and completes calls: sets the realm's x0.. (reference 1.1: x0..x3
 * from the result, unused ones 0) and emits the call's one RSI_CALL event.
 */
final class SmcExecutor {
    static final long HOST_CALL_FID = 0xC4000199L;
    private static final long SVE_HINT = 1L << 16;

    /**
     * The function a realm's x0 names: the FID is W0 (SMCCC), so the upper half of x0 is
     * ignored, as is the SVE hint bit 16 (reference 1.1). TF-RMM decodes
     * (unsigned int) x0 & ~SVE_HINT the same way.
     */
    static long function(long x0) {
        return x0 & 0xFFFF_FFFFL & ~SVE_HINT;
    }

    private final RealmContext ctx;
    private final RealmCallTable table;

    SmcExecutor(RealmContext ctx) {
        this.ctx = ctx;
        this.table = ctx.rmm().model().realmCalls();
    }

    static long fid(GuestStep s) {
        return s.op() == GuestStep.Op.HOST_CALL ? HOST_CALL_FID : s.fid();
    }

    static long[] args(GuestStep s) {
        return s.op() == GuestStep.Op.HOST_CALL ? new long[] {s.ipa()} : s.args();
    }

    /** Issues the SMC; returns the exit it causes, or null when the realm continues. */
    RecRunExit run(GuestStep s) {
        if (s.op() == GuestStep.Op.HOST_CALL) writeHostCall(s.ipa(), s.value());
        long fid = fid(s);
        long[] args = args(s);
        Rec rec = ctx.rec();
        rec.gprs[0] = fid;
        System.arraycopy(args, 0, rec.gprs, 1, Math.min(args.length, 30));
        RealmCallTable.Entry e = table.lookup(function(fid));
        if (e == null) {
            complete(s, Psci.NOT_SUPPORTED, new long[0]);
            return null;
        }
        CallOutcome o = e.handler().execute(ctx, Arrays.copyOf(args, Math.max(args.length, e.argCount())));
        if (o instanceof CallOutcome.Done) {
            CallOutcome.Done d = (CallOutcome.Done) o;
            complete(s, d.x0(), d.out());
            return d.exit();
        }
        if (o instanceof CallOutcome.Pending) {
            CallOutcome.Pending p = (CallOutcome.Pending) o;
            rec.pendingCall = p.kind();
            return p.exit();
        }
        return ((CallOutcome.Retry) o).exit();
    }

    /**
     * The call at the head of the REC's queue returns to the realm with x0 and out: sets
     * the registers, emits RSI_CALL, consumes the step.
     */
    void complete(GuestStep s, long x0, long[] out) {
        long fid = fid(s);
        RealmCallTable.Entry e = table.lookup(function(fid));
        Rec rec = ctx.rec();
        rec.gprs[0] = x0;
        int n = e == null ? 0 : e.resultCount();
        // x1..x(max(3, n)): the outputs, then zeros. One copy and one fill, not a loop with a
        // branch on out.length: C2 hoisted that branch out of the loop by its early profile
        // and trapped (then recompiled RealmRun.step) the first time a call returned fewer
        // outputs than the calls before it.
        int regs = Math.max(3, n);
        int given = Math.min(regs, out.length);
        System.arraycopy(out, 0, rec.gprs, 1, given);
        Arrays.fill(rec.gprs, 1 + given, 1 + regs, 0);
        long[] shown = Arrays.copyOf(out, n);
        String cmd = e == null ? "UNKNOWN" : e.name();
        String status = e != null ? e.names().name(x0)
                : Psci.isPsciRange(function(fid)) ? "PSCI_NOT_SUPPORTED" : "SMC_NOT_SUPPORTED";
        EventBus bus = ctx.rmm().bus();
        bus.emit(new ModelEvent.RsiCall(bus.seq(), bus.now(), bus.cause(), ctx.realm().rd(),
                rec.pa(), fid, cmd, args(s), x0, status, shown));
        rec.pendingCall = PendingCall.NONE;
        ctx.rmm().guest().pop(rec.pa());
    }

    /**
     * The host_call shorthand's store of an RsiHostCall {imm, gprs = 0} at buffer, done only
     * when the buffer is mapped protected RAM (otherwise RSI_HOST_CALL reports the problem).
     */
    private void writeHostCall(long buffer, long imm) {
        if ((buffer & (HostCall.SIZE - 1)) != 0 || !ctx.realm().isProtected(buffer)) return;
        Stage2.Translation t = Stage2.translate(ctx.realm(), ctx.rmm().granules(), buffer, Access.WRITE);
        if (t.outcome() != Stage2.Outcome.MAPPED) return;
        byte[] b = new byte[HostCall.SIZE];
        for (int i = 0; i < 4; i++) b[i] = (byte) (imm >>> (8 * i));
        ctx.rmm().memory().write(t.pa(), b);
    }
}
