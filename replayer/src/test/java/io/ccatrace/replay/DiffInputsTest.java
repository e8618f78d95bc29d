package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.replay.diff.TraceDiff;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * diff aligns two traces input by input: an input that B issued with another operand the
 * machine is fed (the CPU, an access size, a guest step's value) is a different input, where
 * the alignment ends, not a divergent outcome. Before, the CPU and the size were not compared:
 * boot.arrows against multi-realm.arrows reported "first divergence at seq 2:
 * RMI_GRANULE_DELEGATE cpu" (expected 1, actual 0) as if the RMM had answered differently.
 */
class DiffInputsTest {
    private static TraceDiff.Result diff(List<TraceEvent> a, List<TraceEvent> b, List<Divergence> out) throws IOException {
        RandomHost h = new RandomHost("1.0", 3);
        return TraceDiff.diff(new ListTrace(h.metadata(), a), new ListTrace(h.metadata(), b), out::add);
    }

    private static List<TraceEvent> edited(List<TraceEvent> rows, int i, UnaryOperator<TraceEvent.Builder> edit) {
        List<TraceEvent> out = new ArrayList<>(rows);
        out.set(i, edit.apply(rows.get(i).toBuilder()).build());
        return out;
    }

    private static int first(List<TraceEvent> rows, EventKind kind) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).kind() == kind && rows.get(i).isInput()) return i;
        throw new AssertionError("no " + kind);
    }

    private static void alignmentEndsAt(List<TraceEvent> a, int i, UnaryOperator<TraceEvent.Builder> edit, String operand)
            throws IOException {
        List<Divergence> out = new ArrayList<>();
        TraceDiff.Result r = diff(a, edited(a, i, edit), out);
        assertTrue(out.isEmpty(), operand + ": " + out);
        assertNotNull(r.unaligned(), operand);
        assertTrue(r.unaligned().startsWith("inputs differ at A seq " + a.get(i).seq() + " / B seq " + a.get(i).seq() + ": "),
                r.unaligned());
        assertTrue(r.unaligned().endsWith("(they differ in " + operand + ")"), r.unaligned());
        assertTrue(r.differs());
    }

    @Test
    void anInputOnAnotherCpuEndsTheAlignment() throws IOException {
        List<TraceEvent> a = new RandomHost("1.0", 3).run(300).rows;
        alignmentEndsAt(a, first(a, EventKind.RMI_CALL), b -> b.cpu(1), "cpu");
        alignmentEndsAt(a, first(a, EventKind.NS_WRITE), b -> b.cpu(1), "cpu");
    }

    @Test
    void aReadOfAnotherSizeEndsTheAlignment() throws IOException {
        List<TraceEvent> a = new RandomHost("1.0", 3).run(300).rows;
        int i = first(a, EventKind.NS_READ);
        alignmentEndsAt(a, i, b -> b.size(a.get(i).size() + 8), "size");
    }

    @Test
    void aWriteThatDiffersPastItsFirst16BytesIsNamed() throws IOException {
        List<TraceEvent> a = new RandomHost("1.0", 3).run(300).rows;
        int i = first(a, EventKind.NS_WRITE);
        byte[] p = a.get(i).payload().clone();
        p[p.length - 1] ^= 1;
        alignmentEndsAt(a, i, b -> b.payload(p), "payload");
    }

    @Test
    void aDifferentOutcomeIsStillADivergence() throws IOException {
        List<TraceEvent> a = new RandomHost("1.0", 3).run(300).rows;
        int i = first(a, EventKind.RMI_CALL);
        List<Divergence> out = new ArrayList<>();
        TraceDiff.Result r = diff(a, edited(a, i, b -> b.status(a.get(i).status() + "_EDITED")), out);
        assertEquals(1, out.size(), out.toString());
        assertEquals("status", out.get(0).field());
        assertEquals(null, r.unaligned());
    }
}
