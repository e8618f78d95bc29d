package io.ccatrace.replay.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.ScenarioTraces;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which RSI calls touch an IPA, from the operands the reference gives each command (6.1):
 * IPA_STATE_SET and 1.0's IPA_STATE_GET take a range [x1, x2), EAC5's IPA_STATE_GET one IPA
 * (12.5), REALM_CONFIG and ATTESTATION_TOKEN_CONTINUE a buffer granule at x1, HOST_CALL its
 * RsiHostCall at x1; the other calls' registers are values, not addresses. The guest step that
 * makes a call names the same operands.
 */
class SubjectTest {
    private static final long SET = 0xC4000197L;
    private static final long GET = 0xC4000198L;
    private static final long CONFIG = 0xC4000196L;
    private static final long CONTINUE = 0xC4000195L;
    private static final long HOST_CALL = 0xC4000199L;
    private static final long EXTEND = 0xC4000193L;
    private static final long VERSION = 0xC4000190L;

    private static TraceEvent rsi(long fid, long... args) {
        return TraceEvent.builder(10, EventKind.RSI_CALL).causeSeq(9).fid(fid).args(args)
                .status("RSI_SUCCESS").out(new long[0]).realm(0x81000000L).rec(0x81021000L).build();
    }

    private static TraceEvent step(long fid, long... args) {
        return TraceEvent.builder(10, EventKind.GUEST_STEP).cmd("call").fid(fid).args(args).rec(0x81021000L).build();
    }

    private static boolean touches(long ipa, TraceEvent e) {
        return new Subject(Subject.Kind.IPA, ipa).touchedBy(e);
    }

    @Test
    void ipaStateSetCoversItsHalfOpenRange() {
        for (TraceEvent e : List.of(rsi(SET, 0x80200000L, 0x80204000L, 0, 1), step(SET, 0x80200000L, 0x80204000L, 0, 1))) {
            assertTrue(touches(0x80200000L, e), "base");
            assertTrue(touches(0x80203ff8L, e), "last byte's granule");
            assertFalse(touches(0x80204000L, e), "top is outside");
            assertFalse(touches(0x801ff000L, e), "below base");
        }
    }

    @Test
    void ipaStateGetTakesARangeIn10AndOneIpaInEac5() {
        TraceEvent rel0 = rsi(GET, 0x80000000L, 0x80010000L);
        assertTrue(touches(0x8000f000L, rel0));
        assertFalse(touches(0x80010000L, rel0));
        TraceEvent eac5 = rsi(GET, 0x80003000L);
        assertTrue(touches(0x80003abcL, eac5));
        assertFalse(touches(0x80004000L, eac5));
    }

    @Test
    void bufferCallsTouchTheGranuleAtX1() {
        for (long fid : new long[] {CONFIG, CONTINUE, HOST_CALL}) {
            TraceEvent e = rsi(fid, 0x80040000L, 0x100, 0x200);
            assertTrue(touches(0x80040000L, e), Long.toHexString(fid));
            assertTrue(touches(0x80040ff8L, e), Long.toHexString(fid));
            assertFalse(touches(0x80041000L, e), Long.toHexString(fid));
            assertFalse(touches(0x100, e), "x2 is an offset, not an IPA");
        }
    }

    @Test
    void valueRegistersAreNotAddresses() {
        assertFalse(touches(0x10000, rsi(VERSION, 0x10000)));
        assertFalse(touches(0x80040000L, rsi(EXTEND, 1, 8, 0x80040000L)));
        assertFalse(touches(0x80040000L, step(EXTEND, 1, 8, 0x80040000L)));
    }

    /** A PA or REC given inside its granule follows the granule (the rows name granule addresses). */
    @Test
    void anAddressInsideAGranuleFollowsTheGranule() {
        ScenarioTraces t = ScenarioTraces.record(Scenario.BOOT, 2, 3_000);
        long rd = -1;
        long rec = -1;
        for (TraceEvent e : t.rows()) {
            if (rd == -1 && e.kind() == EventKind.REALM_STATE) rd = e.realm();
            if (rec == -1 && e.kind() == EventKind.REC_STATE) rec = e.rec();
        }
        for (Subject.Kind k : new Subject.Kind[] {Subject.Kind.PA, Subject.Kind.REC}) {
            long base = k == Subject.Kind.PA ? rd : rec;
            Subject exact = new Subject(k, base);
            Subject inside = new Subject(k, base + 0x7f8);
            long n = 0;
            for (TraceEvent e : t.rows()) {
                assertEquals(exact.touchedBy(e), inside.touchedBy(e), k + " seq " + e.seq());
                if (exact.touchedBy(e) && e.kind() == EventKind.RMI_CALL) n++;
            }
            assertTrue(n >= 2, k + ": the RMI calls naming it count (" + n + ")");
        }
    }

    @Test
    void aPagesHistoryShowsTheRealmRequestThatMadeItShared() {
        ScenarioTraces t = ScenarioTraces.record(Scenario.IO_STORM, 3, 4_000);
        List<TraceEvent> rows = t.rows();
        TraceEvent toEmpty = null;
        for (TraceEvent e : rows) {
            if (e.kind() == EventKind.RTT_ENTRY && "RAM".equals(e.fromRipas()) && "EMPTY".equals(e.toRipas())) {
                toEmpty = e;
                break;
            }
        }
        assertTrue(toEmpty != null, "io-storm shares a page");
        Subject page = new Subject(Subject.Kind.IPA, toEmpty.ipa());
        long steps = 0;
        TraceEvent completion = null;
        for (TraceEvent e : rows) {
            if (!page.touchedBy(e) || e.args() == null || e.args().length < 3 || e.fid() != SET || e.args()[2] != 0) continue;
            if (e.kind() == EventKind.GUEST_STEP && e.seq() < toEmpty.seq()) steps++;
            if (e.kind() == EventKind.RSI_CALL && e.seq() > toEmpty.seq() && completion == null) completion = e;
        }
        assertEquals(1, steps, "the guest's IPA_STATE_SET to EMPTY over the page, before its RIPAS changed");
        assertTrue(completion != null, "the call completes at the next REC_ENTER, after the host's RTT_SET_RIPAS");
        assertEquals("RSI_SUCCESS", completion.status());
        assertTrue(Long.compareUnsigned(completion.out()[0], toEmpty.ipa()) > 0, "its new base is past the page");
    }
}
