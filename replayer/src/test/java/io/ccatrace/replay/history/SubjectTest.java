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

    private static TraceEvent rmi(String cmd, long... args) {
        return TraceEvent.builder(10, EventKind.RMI_CALL).cpu(0).cmd(cmd).fid(0xC4000150L).args(args)
                .status("RMI_SUCCESS").index(0).out(new long[0]).build();
    }

    private static boolean touches(Subject.Kind k, long addr, TraceEvent e) {
        return new Subject(k, addr).touchedBy(e);
    }

    /**
     * RMI_RTT_CREATE is (rd, rtt, ipa, level) (reference section 3): the new level-L table spans
     * one entry of level L - 1 at x3. Before, x2 (the table's PA) was read as the IPA, so the
     * IPA's history missed the RTT_CREATE calls under it.
     */
    @Test
    void rttCreateCoversTheRangeOfItsTableAtX3() {
        TraceEvent create = rmi("RMI_RTT_CREATE", 0x81000000L, 0x81005000L, 0x80000000L, 3);
        assertTrue(touches(0x80000000L, create));
        assertTrue(touches(0x801ff000L, create), "the level-3 table spans 2 MiB");
        assertFalse(touches(0x80200000L, create));
        assertFalse(touches(0x81005000L, create), "x2 is the table's PA, not an IPA");
        TraceEvent l2 = rmi("RMI_RTT_CREATE", 0x81000000L, 0x81005000L, 0x80000000L, 2);
        assertTrue(touches(0xBFFFF000L, l2), "a level-2 table spans 1 GiB");
        TraceEvent destroy = rmi("RMI_RTT_DESTROY", 0x81000000L, 0x80000000L, 3);
        assertTrue(touches(0x801ff000L, destroy));
        assertFalse(touches(0x80200000L, destroy));
    }

    /**
     * A granule's history lists the RMI calls that act on it: the PA registers of each command
     * (reference section 3), not registers that hold an IPA, a level or a status with the same
     * value. The default machine's DRAM and the realms' IPA space both start at 0x80000000.
     */
    @Test
    void onlyAddressRegistersNameAGranule() {
        long g = 0x80000000L;
        for (TraceEvent ipaCall : List.of(
                rmi("RMI_RTT_CREATE", 0x81000000L, 0x81005000L, g, 2),
                rmi("RMI_RTT_INIT_RIPAS", 0x81000000L, g, 0x80800000L),
                rmi("RMI_RTT_SET_RIPAS", 0x81000000L, 0x81021000L, g, 0x80800000L),
                rmi("RMI_DATA_CREATE", 0x81000000L, 0x81006000L, g, 0x81004000L, 1),
                rmi("RMI_DATA_DESTROY", 0x81000000L, g),
                rmi("RMI_RTT_DESTROY", 0x81000000L, g, 2),
                rmi("RMI_RTT_FOLD", 0x81000000L, g, 3),
                rmi("RMI_RTT_READ_ENTRY", 0x81000000L, g, 3))) {
            assertFalse(touches(Subject.Kind.PA, g, ipaCall), ipaCall.cmd() + " names IPA " + Long.toHexString(g) + ", not the PA");
            assertTrue(touches(Subject.Kind.PA, 0x81000000L, ipaCall), ipaCall.cmd() + ": x1 is the RD");
        }
        TraceEvent data = rmi("RMI_DATA_CREATE", 0x81000000L, 0x81006000L, g, 0x81004000L, 1);
        assertTrue(touches(Subject.Kind.PA, 0x81006000L, data), "x2 data");
        assertTrue(touches(Subject.Kind.PA, 0x81004000L, data), "x4 src");
        assertTrue(touches(Subject.Kind.PA, 0x81005000L, rmi("RMI_RTT_CREATE", 0x81000000L, 0x81005000L, g, 2)), "x2 rtt");
        assertTrue(touches(Subject.Kind.PA, 0x88000000L, rmi("RMI_RTT_MAP_UNPROTECTED", 0x81000000L, 0x8000000000L, 3,
                0x88000000L | 0x7FC)), "x4 desc's output address");
        assertFalse(touches(Subject.Kind.PA, 0x1000, rmi("RMI_RTT_MAP_UNPROTECTED", 0x81000000L, 0x1000, 3, 0)),
                "x2 of MAP_UNPROTECTED is an IPA");
    }

    /**
     * DATA_DESTROY, RTT_DESTROY and RTT_FOLD name the granule they free only in x1 of their
     * result (reference section 3): a successful call is in that granule's history, a failed
     * one (x1 is then 0 or undefined) is not.
     */
    @Test
    void aCallThatReturnsTheGranuleItFreedTouchesIt() {
        for (String cmd : new String[] {"RMI_DATA_DESTROY", "RMI_RTT_DESTROY", "RMI_RTT_FOLD"}) {
            TraceEvent ok = TraceEvent.builder(10, EventKind.RMI_CALL).cpu(0).cmd(cmd).fid(0xC4000155L)
                    .args(new long[] {0x81000000L, 0x80000000L, 3}).status("RMI_SUCCESS").index(0)
                    .out(new long[] {0x81006000L, 0x80001000L}).build();
            assertTrue(touches(Subject.Kind.PA, 0x81006000L, ok), cmd);
            assertFalse(touches(Subject.Kind.PA, 0x81006000L, ok.toBuilder().status("RMI_ERROR_RTT").build()), cmd + " failed");
        }
    }

    /** A REC's history: the calls that take it (REC_ENTER, PSCI_COMPLETE, RTT_SET_RIPAS...), not a register of value 0. */
    @Test
    void aRecIsNamedByItsOwnRegisters() {
        long rec = 0x81021000L;
        assertTrue(touches(Subject.Kind.REC, rec, rmi("RMI_REC_ENTER", rec, 0x81022000L)));
        assertTrue(touches(Subject.Kind.REC, rec, rmi("RMI_PSCI_COMPLETE", 0x81034000L, rec, 0)));
        assertTrue(touches(Subject.Kind.REC, rec, rmi("RMI_RTT_SET_RIPAS", 0x81000000L, rec, 0x80000000L, 0x80001000L)));
        assertTrue(touches(Subject.Kind.REC, rec, rmi("RMI_REC_CREATE", 0x81000000L, rec, 0x81020000L)));
        assertFalse(touches(Subject.Kind.REC, 0, rmi("RMI_FEATURES", 0)), "x1 of FEATURES is an index");
        assertFalse(touches(Subject.Kind.REC, 0, rmi("RMI_PSCI_COMPLETE", 0x81034000L, rec, 0)), "x3 is a PSCI status");
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
