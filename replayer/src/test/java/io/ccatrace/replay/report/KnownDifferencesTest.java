package io.ccatrace.replay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Divergences marked when they sit at a documented difference between the two models. */
class KnownDifferencesTest {
    static TraceEvent rmi(String cmd) {
        return TraceEvent.builder(5, EventKind.RMI_CALL).cpu(0).cmd(cmd).fid(0xC4000100L).args(new long[] {0x81000000L})
                .status("RMI_SUCCESS").index(0).out(new long[0]).build();
    }

    static Divergence status(String cmd) {
        TraceEvent in = rmi(cmd);
        return new Divergence(5, in, in, "status", "RMI_SUCCESS", "RMI_ERROR_INPUT", List.of(), List.of());
    }

    /** A REC_ENTER whose RSI call (an effect) differs in x1. */
    static Divergence rsi(String call) {
        TraceEvent in = rmi("RMI_REC_ENTER");
        TraceEvent at = TraceEvent.builder(7, EventKind.RSI_CALL).causeSeq(5).cmd(call).fid(0xC4000198L)
                .args(new long[] {0x1000, 0x2000}).status("RSI_SUCCESS").out(new long[] {0x2000, 1}).build();
        return new Divergence(5, in, at, "RSI_CALL.x1", "0x2000", "0x1", List.of(), List.of());
    }

    @Test
    void aRevisionsRuleIsNamedAtItsCommand() {
        KnownDifferences k = new KnownDifferences("1.0", "1.0-eac5");
        String line = k.describe(rsi("RSI_IPA_STATE_GET"));
        assertTrue(line.startsWith("1.0-eac5 differs here: RSI_IPA_STATE_GET takes one IPA"), line);
        assertTrue(line.endsWith("(reference 12.5)"), line);
        assertTrue(k.describe(status("RMI_REALM_CREATE")).contains("num_bps / num_wps of 0"));
        assertNull(k.describe(status("RMI_DATA_DESTROY")), "EAC5 and rel0 agree on DATA_DESTROY");
        assertNull(k.describe(rsi("RSI_IPA_STATE_SET")));
    }

    @Test
    void aSeededBugIsSaidToBeOne() {
        KnownDifferences k = new KnownDifferences("1.0", "1.0-bug-enter-system-off");
        assertEquals("1.0-bug-enter-system-off (a seeded bug) differs here: REC_ENTER enters a REC of a SYSTEM_OFF realm"
                + " (reference 4.22)", k.describe(status("RMI_REC_ENTER")));
        // the whole window of a listed RMI command counts: an RSI call inside REC_ENTER too
        assertTrue(k.describe(rsi("RSI_IPA_STATE_GET")).startsWith("1.0-bug-enter-system-off (a seeded bug)"));
        assertNull(new KnownDifferences("1.0", "1.0-bug-rec-any-mpidr").describe(rsi("RSI_IPA_STATE_GET")),
                "a REC_CREATE bug is not at a REC_ENTER");
    }

    @Test
    void oneModelHasNoKnownDifference() {
        KnownDifferences k = new KnownDifferences("1.0", "1.0");
        assertNull(k.describe(status("RMI_REC_ENTER")));
        k.count(status("RMI_REC_ENTER"));
        assertNull(k.tally());
        assertEquals("", k.mark("RMI_REC_ENTER", "status"));
    }

    @Test
    void theSummaryMarksAndTalliesTheKnownOnes() {
        KnownDifferences k = new KnownDifferences("1.0", "1.0-eac5");
        k.count(rsi("RSI_IPA_STATE_GET"));
        k.count(rsi("RSI_IPA_STATE_GET"));
        k.count(status("RMI_RTT_FOLD"));
        k.count(status("RMI_DATA_DESTROY"));
        k.count(status("RMI_REC_ENTER"));
        assertEquals("  (a known difference)", k.mark("RMI_REC_ENTER", "RSI_CALL.x1"));
        assertEquals("  (a known difference)", k.mark("RMI_RTT_FOLD", "status"));
        assertEquals("", k.mark("RMI_DATA_DESTROY", "status"));
        assertEquals(3, k.knownTotal());
        assertEquals("3 of the 5 divergences are at known differences between 1.0 and 1.0-eac5 (docs/models.md); the other 2"
                + " are not: each follows from an earlier divergence or is not explained by a documented difference", k.tally());
    }

    @Test
    void aLineWithSomeKnownDivergencesSaysHowMany() {
        KnownDifferences k = new KnownDifferences("1.0", "1.0-eac5");
        // two RMI_REC_ENTER RSI_CALL.x1 divergences: one at IPA_STATE_GET (known), one at IPA_STATE_SET (not)
        k.count(rsi("RSI_IPA_STATE_GET"));
        k.count(rsi("RSI_IPA_STATE_SET"));
        assertEquals("  (1 at a known difference)", k.mark("RMI_REC_ENTER", "RSI_CALL.x1"));
        assertEquals("1 of the 2 divergences is at a known difference between 1.0 and 1.0-eac5 (docs/models.md); the other 1"
                + " is not: each follows from an earlier divergence or is not explained by a documented difference", k.tally());
    }

    @Test
    void oneKnownDivergenceAlone() {
        KnownDifferences k = new KnownDifferences("1.0", "1.0-eac5");
        k.count(status("RMI_FEATURES"));
        assertEquals("it is at a known difference between 1.0 and 1.0-eac5 (docs/models.md)", k.tally());
    }
}
