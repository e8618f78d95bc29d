package io.ccatrace.model.rtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A TABLE entry made by {@link RttEntries#link} (RMI_RTT_CREATE) is the same entry, with the
 * same RTT_ENTRY event, as {@link RttEntries#set} makes; the table it remembers for the walk
 * is forgotten by any other change of the entry (RTT_DESTROY, RTT_FOLD).
 */
class RttEntriesLinkTest {
    private static final long L2_SIZE = 1L << 21;
    private final EventBus bus = new EventBus();
    private final List<ModelEvent> events = new ArrayList<>();
    private final RttEntries entries = new RttEntries(bus);
    private final Rtt parent = new Rtt(0x8800_0000L, 0x8810_0000L, 2, 0);
    private final Rtt child = new Rtt(0x8800_5000L, 0x8810_0000L, 3, 5 * L2_SIZE);

    RttEntriesLinkTest() {
        bus.addListener(events::add);
        RttEntries.fill(parent, RttState.UNASSIGNED, Ripas.RAM);
    }

    @Test
    void aLinkIsATableEntryAtTheChildsGranuleWithOneRttEntryEvent() {
        entries.link(parent, 5, child);
        assertEquals(RttState.TABLE, parent.state(5));
        assertEquals(child.pa(), parent.addr(5));
        assertEquals(1, parent.liveCount());
        assertSame(child, parent.next(5));
        assertNull(parent.next(4));
        assertEquals(1, events.size());
        ModelEvent.RttEntry e = (ModelEvent.RttEntry) events.get(0);
        assertEquals("TABLE", e.toState());
        assertEquals(2, e.level());
        assertEquals(child.pa(), e.pa());
        assertEquals(5 * L2_SIZE, e.ipa());
    }

    @Test
    void anyOtherChangeOfTheEntryForgetsTheLinkedTable() {
        entries.link(parent, 5, child);
        entries.set(parent, 5, RttState.UNASSIGNED, Ripas.DESTROYED, 0, 0);
        assertNull(parent.next(5));
        assertEquals(0, parent.liveCount());
    }
}
