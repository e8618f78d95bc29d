package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two effects of one window swapped (a hand edit, or an RMM that reports them in another
 * order): one divergence naming the effect that moved and where, with nothing missing or
 * extra, since both sides have every effect. Before, the moved effect was reported as
 * "extra" and the same row again as "missing" (boot.arrows with seq 1524 PAS_CHANGE and 1525
 * GRANULE_STATE swapped: "extra PAS_CHANGE, expected: none").
 */
class MovedEffectTest {
    @Test
    void swappedEffectsAreAMoveNotAMissingAndAnExtraEffect() throws IOException {
        RandomHost h = new RandomHost("1.0", 42).run(600);
        List<TraceEvent> rows = new ArrayList<>(h.rows);
        int i = 1;
        while (!(rows.get(i - 1).isInput() && !rows.get(i).isInput() && i + 1 < rows.size() && !rows.get(i + 1).isInput()
                && rows.get(i).kind() != rows.get(i + 1).kind())) {
            i++;
        }
        TraceEvent a = rows.get(i);
        TraceEvent b = rows.get(i + 1);
        rows.set(i, new RowCopy().copyOf(b).withOrder(a.seq(), b.time(), b.causeSeq()).toEvent());
        rows.set(i + 1, new RowCopy().copyOf(a).withOrder(b.seq(), a.time(), a.causeSeq()).toEvent());
        for (List<Divergence> d : List.of(ReplayTest.replay(h, rows, ReplayOptions.all(), null),
                inPlace(h, rows))) {
            assertEquals(1, d.size(), d.toString());
            Divergence x = d.get(0);
            assertEquals(rows.get(i - 1).seq(), x.seq());
            assertTrue(x.field().equals("moved " + a.kind()) || x.field().equals("moved " + b.kind()), x.field());
            assertTrue(x.expected().startsWith("effect "), x.expected());
            assertTrue(x.actual().startsWith("effect "), x.actual());
            assertTrue(!x.expected().equals(x.actual()), x.toString());
            assertTrue(x.missing().isEmpty(), x.toString());
            assertTrue(x.extra().isEmpty(), x.toString());
        }
    }

    private static List<Divergence> inPlace(RandomHost h, List<TraceEvent> rows) throws IOException {
        List<Divergence> out = new ArrayList<>();
        new Replayer(ReplayOptions.all()).run(new ListCursor(h.metadata(), rows), out::add);
        return out;
    }
}
