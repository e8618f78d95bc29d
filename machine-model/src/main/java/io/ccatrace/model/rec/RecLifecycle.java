package io.ccatrace.model.rec;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;

/**
 * The one place a REC's lifecycle-visible state changes: created, runnable flag, running,
 * destroyed. Emits REC_STATE events (states: RUNNABLE, NOT_RUNNABLE, RUNNING, DESTROYED).
 */
public final class RecLifecycle {
    private final EventBus bus;

    public RecLifecycle(EventBus bus) {
        this.bus = bus;
    }

    public void created(Rec r) {
        emit(r, null, name(r));
    }

    /**
     * Sets flags.runnable. While the REC is running (PSCI CPU_OFF from the realm itself) the
     * visible state stays RUNNING; {@link #exit} then reports RUNNING -> NOT_RUNNABLE.
     */
    public void setRunnable(Rec r, boolean runnable) {
        if (r.runnable == runnable) return;
        if (r.running) {
            r.runnable = runnable;
            return;
        }
        String from = name(r);
        r.runnable = runnable;
        emit(r, from, name(r));
    }

    public void enter(Rec r) {
        if (r.running) throw new IllegalStateException("REC already running");
        String from = name(r);
        r.running = true;
        emit(r, from, name(r));
    }

    public void exit(Rec r) {
        if (!r.running) throw new IllegalStateException("REC not running");
        String from = name(r);
        r.running = false;
        emit(r, from, name(r));
    }

    public void destroyed(Rec r) {
        emit(r, name(r), "DESTROYED");
    }

    private static String name(Rec r) {
        if (r.running) return "RUNNING";
        return r.runnable ? "RUNNABLE" : "NOT_RUNNABLE";
    }

    private void emit(Rec r, String from, String to) {
        bus.emit(new ModelEvent.RecState(bus.seq(), bus.now(), bus.cause(), r.rd(), r.pa(), from, to));
    }
}
