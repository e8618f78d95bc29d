package io.ccatrace.model.rsi;

import static io.ccatrace.model.rsi.RsiCalls.DESTROYED;
import static io.ccatrace.model.rsi.RsiCalls.EMPTY;
import static io.ccatrace.model.rsi.RsiCalls.ERROR_INPUT;
import static io.ccatrace.model.rsi.RsiCalls.PAGE;
import static io.ccatrace.model.rsi.RsiCalls.RAM;
import static io.ccatrace.model.rsi.RsiCalls.SUCCESS;
import static io.ccatrace.model.rsi.RsiCalls.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rmi.Guest;
import org.junit.jupiter.api.Test;

/**
 * RSI_IPA_STATE_GET(base, end) of rel0, reference 6.2: ERROR_INPUT for base_align, end_align,
 * size_valid, rgn_bound; else x1 = end of the run of entries with the RIPAS of base inside
 * the RTT the walk reached, capped at end, x2 = that RIPAS (ASSIGNED and UNASSIGNED RAM both
 * RAM). Realm: IPA width 40, Protected = [0, 2^39).
 */
class IpaStateGetTest {
    static final long TOP = 1L << 39;

    private static Guest active() {
        Guest g = new Guest();
        g.activate();
        return g;
    }

    @Test
    void baseAlign() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_IPA_STATE_GET", PAGE + 8, PAGE + 0x2000).ret());
    }

    @Test
    void endAlign() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_IPA_STATE_GET", PAGE, PAGE + 0x2001).ret());
    }

    @Test
    void sizeValidBaseEqualsEnd() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_IPA_STATE_GET", PAGE, PAGE).ret());
    }

    @Test
    void sizeValidEndBelowBase() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_IPA_STATE_GET", PAGE + 0x2000, PAGE).ret());
    }

    @Test
    void rgnBoundEndPastProtectedHalf() {
        // end - 1 is Unprotected
        assertEquals(ERROR_INPUT, call(active(), "RSI_IPA_STATE_GET", TOP - 0x1000, TOP + 0x1000).ret());
    }

    @Test
    void rgnBoundBaseUnprotected() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_IPA_STATE_GET", TOP, TOP + 0x1000).ret());
    }

    @Test
    void endAtTheProtectedTopIsAccepted() {
        // end - 1 = 2^39 - 1 is the last Protected byte; the level-1 entry there is EMPTY
        ModelEvent.RsiCall c = call(active(), "RSI_IPA_STATE_GET", TOP - 0x1000, TOP);
        assertEquals(SUCCESS, c.ret());
        assertArrayEquals(new long[] {TOP, EMPTY}, c.out());
    }

    @Test
    void runOfRamStopsAtTheFirstEmptyEntry() {
        Guest g = new Guest();
        g.ram(PAGE);                     // ASSIGNED RAM
        g.unassignedRam(PAGE + 0x1000);  // UNASSIGNED RAM: also reported RAM
        g.activate();                    // PAGE + 0x2000 stays UNASSIGNED EMPTY
        ModelEvent.RsiCall c = call(g, "RSI_IPA_STATE_GET", PAGE, PAGE + 0x10000);
        assertEquals(SUCCESS, c.ret());
        assertArrayEquals(new long[] {PAGE + 0x2000, RAM}, c.out());
    }

    @Test
    void runIsCappedAtEnd() {
        Guest g = new Guest();
        g.ram(PAGE);
        g.unassignedRam(PAGE + 0x1000);
        g.activate();
        assertArrayEquals(new long[] {PAGE + 0x1000, RAM},
                call(g, "RSI_IPA_STATE_GET", PAGE, PAGE + 0x1000).out());
    }

    @Test
    void destroyedIsReportedAsDestroyed() {
        Guest g = new Guest();
        g.destroyed(PAGE);
        g.activate();
        assertArrayEquals(new long[] {PAGE + 0x1000, DESTROYED},
                call(g, "RSI_IPA_STATE_GET", PAGE, PAGE + 0x3000).out());
    }

    @Test
    void runStaysInsideTheRttTheWalkReached() {
        Guest g = new Guest();
        g.unassignedRam(PAGE);   // level-3 table for [0, 2 MiB); every other entry EMPTY
        g.activate();
        // base in the level-3 table at an EMPTY page: the run ends with that table (2 MiB),
        // although the next level-2 entry is EMPTY as well
        assertArrayEquals(new long[] {1L << 21, EMPTY},
                call(g, "RSI_IPA_STATE_GET", PAGE + 0x1000, 1L << 30).out());
    }

    @Test
    void blockEntryRunEndsAtTheEntryBoundary() {
        Guest g = new Guest();
        g.activate();
        // level-1 table only: 1 GiB EMPTY entries, base in the middle of one; the run covers
        // all the following EMPTY entries of that RTT up to end
        long base = (3L << 30) + 0x5000;
        assertArrayEquals(new long[] {5L << 30, EMPTY},
                call(g, "RSI_IPA_STATE_GET", base, 5L << 30).out());
    }
}
