package io.ccatrace.model.rtt;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;

/**
 * The single point where RTT entries change. Keeps each RTT's live count (TABLE and
 * protected ASSIGNED entries) and emits RTT_ENTRY events.
 */
public final class RttEntries {
    private final EventBus bus;

    public RttEntries(EventBus bus) {
        this.bus = bus;
    }

    /** Sets entry i of t; ripas is ignored (stored EMPTY) for non-protected states. */
    public void set(Rtt t, int i, RttState st, Ripas rp, long addr, long attrs) {
        RttState fromState = t.state(i);
        Ripas fromRipas = t.ripas(i);
        if (!st.isProtected()) rp = Ripas.EMPTY;
        if (fromState == st && fromRipas == rp && t.addr[i] == addr && t.attrs[i] == attrs) {
            return;
        }
        t.liveCount += live(st) - live(fromState);
        t.state[i] = (byte) st.ordinal();
        t.ripas[i] = (byte) rp.ordinal();
        t.addr[i] = addr;
        t.attrs[i] = attrs;
        if (t.next != null) t.next[i] = null;
        boolean hasAddr = st == RttState.ASSIGNED || st == RttState.ASSIGNED_NS
                || st == RttState.TABLE;
        bus.emit(new ModelEvent.RttEntry(bus.seq(), bus.now(), bus.cause(), t.realm(),
                t.entryIpa(i), t.level(), fromState.name(),
                fromState.isProtected() ? fromRipas.name() : null, st.name(),
                st.isProtected() ? rp.name() : null, hasAddr ? addr : ModelEvent.NONE));
    }

    /**
     * Makes entry i of t a TABLE entry for child (whose granule is child.pa()), as
     * {@link #set} does, and remembers child for the walk ({@link Rtt#next}).
     */
    public void link(Rtt t, int i, Rtt child) {
        set(t, i, RttState.TABLE, Ripas.EMPTY, child.pa(), 0);
        if (t.next == null) t.next = new Rtt[RttGeometry.ENTRIES];
        t.next[i] = child;
    }

    /** Initialises a fresh table's entries without events (they are implied by the create). */
    public static void fill(Rtt t, RttState st, Ripas rp) {
        for (int i = 0; i < RttGeometry.ENTRIES; i++) {
            t.state[i] = (byte) st.ordinal();
            t.ripas[i] = (byte) (st.isProtected() ? rp.ordinal() : 0);
        }
        t.liveCount = 0;
    }

    /**
     * Initialises entries [from, to) of a fresh table without events; only non-live states
     * (UNASSIGNED, UNASSIGNED_NS), so the live count is unchanged.
     */
    public static void fill(Rtt t, int from, int to, RttState st, Ripas rp) {
        if (live(st) != 0) throw new IllegalArgumentException("fill with live state " + st);
        for (int i = from; i < to; i++) {
            t.state[i] = (byte) st.ordinal();
            t.ripas[i] = (byte) (st.isProtected() ? rp.ordinal() : 0);
        }
    }

    /**
     * Initialises a fresh table as the unfold of its parent entry, without events (implied
     * by the parent's change to TABLE): entry i gets st, rp, firstAddr + i * stride, attrs.
     */
    public static void fillUnfolded(Rtt t, RttState st, Ripas rp, long firstAddr, long stride,
                                    long attrs) {
        for (int i = 0; i < RttGeometry.ENTRIES; i++) {
            t.state[i] = (byte) st.ordinal();
            t.ripas[i] = (byte) (st.isProtected() ? rp.ordinal() : 0);
            t.addr[i] = firstAddr + i * stride;
            t.attrs[i] = attrs;
        }
        t.liveCount = live(st) * RttGeometry.ENTRIES;
    }

    private static int live(RttState s) {
        return Liveness.keepsTableLive(s) ? 1 : 0;
    }
}
