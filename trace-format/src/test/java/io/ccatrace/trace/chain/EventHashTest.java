package io.ccatrace.trace.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import org.junit.jupiter.api.Test;

/** The unrolled hash equals the schema-driven definition, and every column counts. */
class EventHashTest {
    @Test
    void unrolledEqualsSchemaDriven() {
        SyntheticTrace t = new SyntheticTrace(20_000, 11);
        while (t.hasNext()) {
            TraceEvent e = t.next();
            assertEquals(EventHash.generic(e), EventHash.of(e), e.toString());
        }
    }

    @Test
    void nullAndZeroDiffer() {
        TraceEvent a = TraceEvent.builder(1, EventKind.GPF).build();
        assertNotEquals(EventHash.of(a), EventHash.of(a.toBuilder().pa(0).build()));
        assertNotEquals(EventHash.of(a), EventHash.of(a.toBuilder().size(0).build()));
        assertNotEquals(EventHash.of(a), EventHash.of(a.toBuilder().payload(new byte[0]).build()));
        assertNotEquals(EventHash.of(a.toBuilder().from("A").build()), EventHash.of(a.toBuilder().to("A").build()));
    }
}
