package io.ccatrace.replay.diff;

import io.ccatrace.replay.Window;
import io.ccatrace.replay.WindowReader;
import io.ccatrace.replay.divergence.CutWindow;
import io.ccatrace.replay.divergence.Describe;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.replay.divergence.DivergenceSummary;
import io.ccatrace.replay.divergence.WindowComparator;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Aligns two traces input by input (the same scenario or script on two models, or two
 * runs) and compares each input's outcome and effects, A as expected and B as actual. When
 * the inputs themselves differ (a host that reacted to a different outcome), the traces can
 * no longer be aligned: that is reported once and the diff ends there. The window an
 * unfinished trace ends in is compared only as far as it was recorded ({@link CutWindow}).
 */
public final class TraceDiff {
    /** Totals: windows compared, divergent windows by command and field, where alignment ended. */
    public record Result(long windows, DivergenceSummary summary, String unaligned) {
        public boolean differs() {
            return summary.total() > 0 || unaligned != null;
        }
    }

    private TraceDiff() {
    }

    public static Result diff(TraceReader a, TraceReader b, Consumer<Divergence> sink) throws IOException {
        WindowReader ra = new WindowReader(a);
        WindowReader rb = new WindowReader(b);
        DivergenceSummary summary = new DivergenceSummary();
        long windows = 0;
        while (true) {
            Window wa = ra.next();
            Window wb = rb.next();
            if (wa == null || wb == null) {
                String end = wa == null && wb == null ? null
                        : (wa == null ? "B" : "A") + " has more inputs from seq "
                        + (wa == null ? wb.seq() : wa.seq());
                return new Result(windows, summary, end);
            }
            windows++;
            String inputs = inputDifference(wa.input(), wb.input());
            if (inputs != null) {
                return new Result(windows, summary, "inputs differ at A seq " + wa.seq()
                        + " / B seq " + wb.seq() + ": " + inputs);
            }
            List<EventView> ea = wa.effects();
            List<EventView> eb = wb.effects();
            if (rb.lastWindowCut()) ea = ea.subList(0, CutWindow.judged(eb, ea));   // B ends unfinished here
            if (ra.lastWindowCut()) eb = eb.subList(0, CutWindow.judged(ea, eb));
            Divergence d = WindowComparator.compare(wa.input(), ea, wb.input(), eb);
            if (d != null) {
                summary.add(d);
                sink.accept(d);
            }
        }
    }

    /** Null when both rows are the same input (operands equal), else the first operand that differs and both inputs. */
    static String inputDifference(EventView x, EventView y) {
        if (x == null || y == null) return x == y ? null : "one side has effects before any input";
        String operand = InputOperands.difference(x, y);
        if (operand == null) return null;
        return Describe.input(x.toEvent()) + " vs " + Describe.input(y.toEvent()) + " (they differ in " + operand + ")";
    }

}
