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

    private final RealmContext ctx;
    private final SmcExecutor smc;
    private final AccessExecutor access;

    RealmRun(RealmContext ctx) {
        this.ctx = ctx;
        this.smc = new SmcExecutor(ctx);
        this.access = new AccessExecutor(ctx);
    }

    RecRunExit enter(RecRunEnter enter) {
        Rec rec = ctx.rec();
        boolean lastAbortUnprotected = rec.lastExitUnprotectedAbort;
        rec.lastExitUnprotectedAbort = false;
        rec.lastExitEmulatable = false;
        RecRunExit exit = new EntryCompletion(ctx, smc).complete(enter, lastAbortUnprotected);
        if (exit == null) exit = runSteps(enter);
        rec.lastEsr = exit.esr();
        rec.lastFar = exit.far();
        rec.lastHpfar = exit.hpfar();
        return exit.withGic(enter.gicv3Hcr(), enter.gicv3Lrs());
    }

    private RecRunExit runSteps(RecRunEnter enter) {
        while (true) {
            GuestStep s = ctx.rmm().guest().peek(ctx.rec().pa());
            if (s == null) return RecRunExit.of(ExitReason.IRQ, 0, 0, 0);
            ctx.rmm().bus().advance(STEP_NS);
            RecRunExit exit = step(s, enter);
            if (exit != null) return exit;
        }
    }

    private RecRunExit step(GuestStep s, RecRunEnter enter) {
        switch (s.op()) {
            case CALL:
            case HOST_CALL:
                return smc.run(s);
            case READ:
            case WRITE:
            case EXEC:
                return access.run(s);
            case WFI:
            case WFE:
                return waitForInterrupt(s, enter);
            case HVC:
                consume();                   // UNDEFINED injected; the realm's handler runs
                return null;
            case IRQ:
                consume();
                return RecRunExit.of(ExitReason.IRQ, 0, 0, 0);
            case FIQ:
                consume();
                return RecRunExit.of(ExitReason.FIQ, 0, 0, 0);
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
        return RecRunExit.of(ExitReason.IRQ, 0, 0, 0);
    }

    private void consume() {
        ctx.rmm().guest().pop(ctx.rec().pa());
    }
}
