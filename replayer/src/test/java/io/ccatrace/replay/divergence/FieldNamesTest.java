package io.ccatrace.replay.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/**
 * Reports name a field as the dump does (script contract: an RSI_CALL row's x0 is "ret",
 * a REC exit's or fault's value column is "value").
 */
class FieldNamesTest {
    private static TraceEvent rsi(long ret) {
        return TraceEvent.builder(10, EventKind.RSI_CALL).causeSeq(9).cmd("RSI_IPA_STATE_SET").fid(0xC4000197L)
                .args(new long[] {0x80000000L, 0x80001000L, 1, 0}).status("RSI_SUCCESS").out(new long[] {0x80001000L, 0})
                .realm(0x81000000L).rec(0x81021000L).value(ret).build();
    }

    @Test
    void anRsiCallsX0IsRet() {
        FieldDiff d = FieldDiff.between(rsi(0), rsi(1));
        assertEquals(new FieldDiff("ret", "0x0", "0x1"), d);
        String line = Describe.effect(rsi(0));
        assertTrue(line.endsWith(" ret=0x0"), line);
    }

    @Test
    void aRecExitsValueIsValue() {
        TraceEvent.Builder b = TraceEvent.builder(10, EventKind.REC_EXIT).causeSeq(9).realm(0x81000000L).rec(0x81021000L)
                .exitReason("RIPAS_CHANGE").ipa(0x80000000L);
        FieldDiff d = FieldDiff.between(b.value(0x80001000L).build(), b.value(0x80002000L).build());
        assertEquals("value", d.field());
        assertTrue(Describe.effect(b.value(0x80001000L).build()).contains(" value=0x80001000"));
    }
}
