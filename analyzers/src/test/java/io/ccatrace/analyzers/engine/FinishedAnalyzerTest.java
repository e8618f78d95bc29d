package io.ccatrace.analyzers.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finished analyzer lets go of the last row it judged: callers (the bench, `analyze` over
 * many traces) keep finished analyzers for their findings and shadow, and a row still held would
 * keep its cursor and the cursor's batches reachable.
 */
class FinishedAnalyzerTest {
    @Test
    void finishDropsTheLastRowAndItsRegisters() {
        TraceEvent call = TraceEvent.builder(0, EventKind.RMI_CALL).cmd("RMI_GRANULE_DELEGATE")
                .args(new long[] {0x8000_0000L}).status("RMI_SUCCESS").out(new long[] {0}).build();
        Analyzer a = new Analyzer(RuleCatalog.all(), new FindingSink());
        a.accept(call);
        // registers read by the rules are fetched once per row and kept while it is judged
        a.shadow().row.args(call);
        a.shadow().row.out(call);
        assertTrue(a.shadow().row.holdsRow(), "the row being judged is held until the next one");
        a.finish();
        assertFalse(a.shadow().row.holdsRow(), "a finished analyzer still holds its last row");
    }

    @Test
    void runOverRowsFinishesTheSameWay() {
        TraceEvent call = TraceEvent.builder(0, EventKind.RMI_CALL).cmd("RMI_VERSION")
                .args(new long[] {0x10000}).status("RMI_SUCCESS").build();
        Analyzer a = new Analyzer(RuleCatalog.all(), new FindingSink());
        a.run(List.of(call).iterator());
        assertFalse(a.shadow().row.holdsRow());
    }
}
