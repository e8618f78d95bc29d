package io.ccatrace.replay.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A payload divergence shows bytes in which the two sides differ. Before, both sides showed
 * their first 16 bytes, so a host read that differed only past byte 16 (the REC exit of a
 * run page, seq 1016 of a boot trace on 1.0-bug-destroy-keeps-mapping replayed on 1.0)
 * printed the same expected and actual value.
 */
class PayloadDiffTest {
    private static TraceEvent read(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return TraceEvent.builder(1016, EventKind.NS_READ).time(5).cpu(1).pa(0x81033900L).size(b.length).payload(b).build();
    }

    @Test
    void aDifferencePastTheFirst16BytesIsShownFromThere() {
        FieldDiff d = FieldDiff.between(read("070000900000000000000000000000007035800000000000"),
                read("070000900000000000000000000000000030800000000000"));
        assertEquals("payload", d.field());
        assertNotEquals(d.expected(), d.actual());
        assertEquals("@16: 7035800000000000..(24 bytes)", d.expected());
        assertEquals("@16: 0030800000000000..(24 bytes)", d.actual());
    }

    @Test
    void aDifferenceInTheFirstByteIsShownAsBefore() {
        FieldDiff d = FieldDiff.between(read("45008091000000005000000000000000aa"),
                read("05008091000000005000000000000000aa"));
        assertEquals("45008091000000005000000000000000..(17 bytes)", d.expected());
        assertEquals("05008091000000005000000000000000..(17 bytes)", d.actual());
        FieldDiff shortOnes = FieldDiff.between(read("04"), read("01"));
        assertEquals(new FieldDiff("payload", "04", "01"), shortOnes);
    }

    @Test
    void aShorterPayloadShowsWhereItEnds() {
        TraceEvent longer = read("0102030405060708");
        FieldDiff d = FieldDiff.between(longer, longer.toBuilder().payload(HexFormat.of().parseHex("010203040506")).build());
        assertEquals("@6: 0708..(8 bytes)", d.expected());
        assertEquals("@6: ..(6 bytes)", d.actual());
    }
}
