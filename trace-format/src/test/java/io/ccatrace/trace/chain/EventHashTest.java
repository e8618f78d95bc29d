package io.ccatrace.trace.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fast format-2 hash equals the schema-driven definition, and every column counts. */
class EventHashTest {
    @Test
    void fastEqualsSchemaDriven() {
        SyntheticTrace t = new SyntheticTrace(20_000, 11);
        EventHash h = new EventHash();
        while (t.hasNext()) {
            TraceEvent e = t.next();
            assertEquals(EventHash.generic(e), h.hash(e), e.toString());
        }
    }

    @Test
    void payloadsOfEveryLengthModEight() {
        EventHash h = new EventHash();
        Set<Long> seen = new HashSet<>();
        int lengths = 0;
        for (int len = 0; len <= 2100; len += (len < 40 ? 1 : 97)) {
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) b[i] = (byte) (i * 31 + 7);
            TraceEvent e = TraceEvent.builder(5, EventKind.NS_WRITE).time(9).cpu(1).pa(0x1000).size(len).payload(b).build();
            long v = h.hash(e);
            assertEquals(EventHash.generic(e), v, "length " + len);
            if (len > 0) {
                b[len - 1] ^= 1;
                assertNotEquals(v, h.hash(e), "last byte of " + len);
            }
            seen.add(v);
            lengths++;
        }
        assertEquals(lengths, seen.size(), "payloads of different lengths hash differently");
    }

    @Test
    void nullZeroEmptyAndColumnDiffer() {
        TraceEvent a = TraceEvent.builder(1, EventKind.GPF).build();
        assertNotEquals(EventHash.of(a), EventHash.of(a.toBuilder().pa(0).build()));
        assertNotEquals(EventHash.of(a), EventHash.of(a.toBuilder().size(0).build()));
        assertNotEquals(EventHash.of(a), EventHash.of(a.toBuilder().payload(new byte[0]).build()));
        assertNotEquals(EventHash.of(a), EventHash.of(a.toBuilder().args(new long[0]).build()));
        assertNotEquals(EventHash.of(a.toBuilder().args(new long[0]).build()), EventHash.of(a.toBuilder().out(new long[0]).build()));
        assertNotEquals(EventHash.of(a.toBuilder().from("A").build()), EventHash.of(a.toBuilder().to("A").build()));
        assertNotEquals(EventHash.of(a.toBuilder().pa(7).build()), EventHash.of(a.toBuilder().ipa(7).build()));
        assertNotEquals(EventHash.of(a.toBuilder().payload(new byte[] {1}).build()),
                EventHash.of(a.toBuilder().payload(new byte[] {1, 0}).build()));
        assertNotEquals(EventHash.of(a.toBuilder().args(new long[] {1, 2}).build()),
                EventHash.of(a.toBuilder().args(new long[] {2, 1}).build()));
    }

    @Test
    void formatOneKeepsItsHash() {
        SyntheticTrace t = new SyntheticTrace(5_000, 3);
        while (t.hasNext()) {
            TraceEvent e = t.next();
            assertEquals(EventHashV1.generic(e), EventHash.of(e, 1), e.toString());
            assertNotEquals(EventHash.of(e, 1), EventHash.of(e, 2), e.toString());
        }
    }
}
