package io.ccatrace.model.realm;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;

/** The one place realm states change (reference 7.2); emits REALM_STATE events. */
public final class RealmLifecycle {
    private final EventBus bus;

    public RealmLifecycle(EventBus bus) {
        this.bus = bus;
    }

    /** A realm was created (state NEW). */
    public void created(Realm r) {
        emit(r, null, RealmState.NEW.name());
    }

    public void activate(Realm r) {
        move(r, RealmState.NEW, RealmState.ACTIVE);
    }

    public void systemOff(Realm r) {
        if (r.state == RealmState.SYSTEM_OFF) return;
        move(r, RealmState.ACTIVE, RealmState.SYSTEM_OFF);
    }

    /** The RD was destroyed. */
    public void destroyed(Realm r) {
        emit(r, r.state.name(), "DESTROYED");
    }

    private void move(Realm r, RealmState from, RealmState to) {
        if (r.state != from) {
            throw new IllegalStateException("realm 0x" + Long.toHexString(r.rd()) + " is "
                    + r.state + ", not " + from);
        }
        r.state = to;
        emit(r, from.name(), to.name());
    }

    private void emit(Realm r, String from, String to) {
        bus.emit(new ModelEvent.RealmState(bus.seq(), bus.now(), bus.cause(), r.rd(), from, to));
    }
}
