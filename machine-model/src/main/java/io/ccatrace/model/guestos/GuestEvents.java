package io.ccatrace.model.guestos;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;

/**
 * The one machine listener of every realm's guest OS: picks out the events a guest reacts to
 * (an RSI call completing, an SEA injected into one of its vCPUs) and hands them to each
 * {@link GuestOs} in the order they were created, exactly as if each listened itself. A
 * machine with R realms then dispatches each event once, not R times.
 */
public final class GuestEvents implements EventListener {
    private GuestOs[] guests = new GuestOs[0];

    void add(GuestOs g) {
        guests = java.util.Arrays.copyOf(guests, guests.length + 1);
        guests[guests.length - 1] = g;
    }

    @Override
    public void onEvent(ModelEvent e) {
        if (e instanceof ModelEvent.RsiCall) {
            ModelEvent.RsiCall r = (ModelEvent.RsiCall) e;
            for (GuestOs g : guests) g.onRsiCall(r);
        } else if (e instanceof ModelEvent.Stage2Fault) {
            ModelEvent.Stage2Fault f = (ModelEvent.Stage2Fault) e;
            if ("SEA_INJECTED".equals(f.outcome())) {
                for (GuestOs g : guests) g.onSea(f.rec());
            }
        }
    }
}
