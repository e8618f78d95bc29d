package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rsi.RealmContext;
import io.ccatrace.model.stage2.Syndrome;

/**
 * One realm run inside RMI_REC_ENTER (reference 4.22 entry processing, then "run the Realm
 * until an exit that needs the Host"): completes what the last exit left pending, then runs
 * the REC's queued guest steps in order until one exits to the host. With nothing queued
 * the realm idles until an interrupt: an IRQ exit (script-format.md execution rules).
 */
final class RealmRun {
    /** Simulated time one guest step takes, ns. */
    static final long STEP_NS = 10;

    /** The IRQ and FIQ exits, with nothing but their reason set (records: shared). */
    private static final RecRunExit IRQ_EXIT = RecRunExit.of(ExitReason.IRQ, 0, 0, 0),
            FIQ_EXIT = RecRunExit.of(ExitReason.FIQ, 0, 0, 0);

    private final RealmContext ctx;
    /** Made when first needed: most runs use one of them, many neither. */
    private SmcExecutor smc;
    private AccessExecutor access;

    RealmRun(RealmContext ctx) {
        this.ctx = ctx;
    }

    private SmcExecutor smc() {
        if (smc == null) smc = new SmcExecutor(ctx);
        return smc;
    }

    private AccessExecutor access() {
        if (access == null) access = new AccessExecutor(ctx);
        return access;
    }

    /**
     * Runs the REC; returns its exit without the GIC state (zero): RMI_REC_ENTER writes the
     * exit with the state the REC was entered with ({@link RecRunExit#writeTo(
     * io.ccatrace.model.memory.PhysicalMemory, long, long, long[])}).
     */
    RecRunExit enter(RecRunEnter enter) {
        Rec rec = ctx.rec();
        boolean lastAbortUnprotected = rec.lastExitUnprotectedAbort;
        rec.lastExitUnprotectedAbort = false;
        rec.lastExitEmulatable = false;
        RecRunExit exit = EntryCompletion.pending(rec, lastAbortUnprotected)
                ? new EntryCompletion(ctx, smc()).complete(enter, lastAbortUnprotected) : null;
        if (exit == null) exit = runSteps(enter);
        rec.lastEsr = exit.esr();
        rec.lastFar = exit.far();
        rec.lastHpfar = exit.hpfar();
        return exit;
    }

    private RecRunExit runSteps(RecRunEnter enter) {
        while (true) {
            GuestStep s = ctx.rmm().guest().peek(ctx.rec().pa());
            if (s == null) return IRQ_EXIT;
            ctx.rmm().bus().advance(STEP_NS);
            RecRunExit exit = step(s, enter);
            if (exit != null) return exit;
        }
    }

    private RecRunExit step(GuestStep s, RecRunEnter enter) {
        switch (s.op()) {
            case CALL:
            case HOST_CALL:
                return smc().run(s);
            case READ:
            case WRITE:
            case EXEC:
                return access().run(s);
            case WFI:
            case WFE:
                return waitForInterrupt(s, enter);
            case HVC:
                consume();                   // UNDEFINED injected; the realm's handler runs
                return null;
            case IRQ:
                consume();
                return IRQ_EXIT;
            case FIQ:
                consume();
                return FIQ_EXIT;
            default:
                throw new IllegalStateException("unknown guest step " + s.op());
        }
    }

    /** Trapped: SYNC exit with EC WFx and TI, PC advanced. Else the REC waits for an IRQ. */
    private RecRunExit waitForInterrupt(GuestStep s, RecRunEnter enter) {
        boolean wfe = s.op() == GuestStep.Op.WFE;
        consume();
        if (enter.has(wfe ? RecRunEnter.TRAP_WFE : RecRunEnter.TRAP_WFI)) {
            return RecRunExit.of(ExitReason.SYNC, Syndrome.wfx(wfe) & Syndrome.WFX_MASK, 0, 0);
        }
        return IRQ_EXIT;
    }

    private void consume() {
        ctx.rmm().guest().pop(ctx.rec().pa());
    }
}
