package io.ccatrace.replay;

import io.ccatrace.model.rmi.ModelFailure;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.recorder.TraceRow;
import io.ccatrace.replay.divergence.CutWindow;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.replay.divergence.DivergenceSummary;
import io.ccatrace.replay.divergence.WindowComparator;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.replay.input.InputFeeder;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replay straight from a row cursor, with no copy of the recorded rows: each input is fed
 * to the machine while the cursor is on it, and each recorded effect after it is compared,
 * in place, with the replayed effect at the same position. Only a window that differs is
 * copied (then compared by {@link WindowComparator#compare}, exactly as from copied rows):
 * its rows from the first difference on come from the cursor, the rows before it (equal
 * to the replayed ones in every compared column) from the replayed rows with the recorded
 * seq, time and cause_seq.
 *
 * <p>Results, errors and reading are those of the sequential replay over a
 * {@link WindowReader}: a window is judged (divergence, model failure, bad input) only
 * once it has been read to the next input, so a bad row inside a window is reported instead
 * of that window, and the replay reads exactly as far as the sequential one before it stops
 * (--until, the divergence limit, a model failure). Parallel work comes from the cursor
 * (a cursor opened with read-ahead decodes and checks the chain on its own thread).
 */
final class InPlaceReplay {
    private final TraceCursor c;
    private final Machine machine;
    private final ReplayCapture capture;
    private final ReplayOptions options;
    private final DivergenceSummary summary = new DivergenceSummary();
    private final RowCopy scratch = new RowCopy();
    /** seq, time and cause_seq of the recorded effects matched so far in the window. */
    private long[] order = new long[3 * 64];
    private long rows;
    private long inputs;
    private long expect;
    /** Replayed effects not judged in the window an unfinished trace ends in ({@link CutWindow}), and its seq. */
    private long unjudged;
    private long cutSeq = -1;

    InPlaceReplay(TraceCursor c, Machine machine, ReplayCapture capture, ReplayOptions options) {
        this.c = c;
        this.machine = machine;
        this.capture = capture;
        this.options = options;
    }

    ReplayResult run(String recorded, Consumer<Divergence> sink) throws IOException {
        String stop = null;
        boolean at = advance();
        // one comparison whatever --until is: a branch on whether it was given would be
        // compiled for the first mode seen and trap when a later replay in the JVM (a bench
        // pass) has the other one, throwing away this loop's compiled code (performance-log,
        // session 21)
        long last = options.until() >= 0 ? options.until() : Long.MAX_VALUE;
        while (at) {
            long seq = c.seq();
            if (seq > last) {
                skipWindow();                      // read as far as the sequential replay does
                break;
            }
            Judged j = window();
            at = j.atNext;
            if (j.badInput != null) throw j.badInput;
            Divergence d = j.divergence;
            if (d == null) continue;
            summary.add(d);
            sink.accept(d);
            if (j.modelFailure != null) {
                stop = "the " + machine.config().rmmModel() + " model failed at seq " + seq + ": "
                        + j.modelFailure.getMessage();
                break;
            }
            if (options.maxDivergences() > 0 && summary.total() >= options.maxDivergences()) {
                stop = "stopped at the divergence limit (" + options.maxDivergences() + ")";
                break;
            }
        }
        // seqs are checked dense from 0: the last row replayed is rows - 1
        return new ReplayResult(recorded, machine.config().rmmModel(), rows, inputs, rows - 1, stop, summary,
                unjudged, cutSeq);
    }

    /** What one window came to. atNext: whether the cursor is on the next window's first row. */
    private static final class Judged {
        boolean atNext;
        Divergence divergence;
        RuntimeException modelFailure;
        BadInputException badInput;
    }

    private final Judged judged = new Judged();

    /** Replays and compares the window starting at the cursor's row; leaves the cursor on the next one. */
    private Judged window() throws IOException {
        Judged j = judged;
        j.divergence = null;
        j.modelFailure = null;
        j.badInput = null;
        capture.clear();
        TraceEvent input = null;                   // the recorded input, when it had to be copied
        boolean hasInput = c.isInput();
        long inSeq = c.seq();
        long inTime = 0;
        long inCause = 0;
        boolean inputDiffers = false;
        if (hasInput) {
            rows++;
            inputs++;
            inTime = c.time();
            inCause = c.causeSeq();
            try {
                InputFeeder.feed(machine, c);
            } catch (BadInputException e) {
                j.badInput = e;                    // thrown once the window is read, as the sequential replay does
            } catch (RuntimeException e) {
                j.modelFailure = ModelFailure.unwrap(e); // the model broke one of its own invariants
                input = c.toEvent();
            }
            if (j.badInput == null && j.modelFailure == null) {
                if (!capture.hasInput()) {
                    input = c.toEvent();           // no replayed input row: nothing to rebuild it from
                } else if (!inputHashMatches() && !WindowComparator.sameInput(c, capture.input())) {
                    inputDiffers = true;
                    input = c.toEvent();
                }
            }
            j.atNext = advance();
        } else {
            j.atNext = true;                       // the trace starts with effects: they are a window of their own
        }
        boolean judge = j.badInput == null && j.modelFailure == null;
        List<TraceRow> replayed = capture.effects();
        int count = capture.effectCount();
        List<TraceEvent> recorded = null;          // the recorded effects, once one differs
        int matched = 0;
        while (j.atNext && !c.isInput()) {
            rows++;
            if (judge) {
                if (recorded == null && matched < count && sameEffect(matched)) {
                    keepOrder(matched++);
                } else {
                    if (recorded == null) recorded = prefix(replayed, matched);
                    recorded.add(c.toEvent());
                }
            }
            j.atNext = advance();
        }
        if (!judge) {
            if (j.modelFailure != null) j.divergence = WindowComparator.modelError(input, j.modelFailure);
            return j;
        }
        if (recorded == null && !inputDiffers && matched == count) return j;   // the usual case
        boolean cut = !j.atNext && !c.complete();  // an unfinished trace ends in this window
        if (cut && recorded == null && !inputDiffers) {
            cutAt(inSeq, count - matched);         // every recorded effect matched: the rest was never written
            return j;
        }
        if (recorded == null) recorded = prefix(replayed, matched);
        if (cut) {
            int keep = CutWindow.judged(recorded, replayed);
            cutAt(inSeq, replayed.size() - keep);
            replayed = replayed.subList(0, keep);
        }
        if (input == null && hasInput) input = recordedAs(capture.input(), inSeq, inTime, inCause);
        j.divergence = WindowComparator.compare(input, recorded, capture.input(), replayed);
        return j;
    }

    private void cutAt(long seq, int notJudged) {
        if (notJudged == 0) return;
        unjudged = notJudged;
        cutSeq = seq;
    }

    /**
     * Whether replayed effect i is the recorded one at the cursor: first by their keyed
     * hashes (the usual case; docs/replay.md, "Comparing by keyed hash": equal hashes mean
     * equal in every column the exact comparison reads, kind and the effect's subject among
     * them; a recorded effect never has an input kind, so the subject never involves seq or
     * cause_seq), else, or when the recorded row has no hash, exactly.
     */
    private boolean sameEffect(int i) {
        return effectHashMatches(i) || WindowComparator.sameEffect(c, capture.effect(i));
    }

    /** Whether the recorded input at the cursor has the replayed input's hash (false without hashes). */
    private boolean inputHashMatches() {
        long[] h = c.attached();
        return h != null && capture.inputMatches(h, c.row());
    }

    /** Whether the recorded effect at the cursor has replayed effect i's hash (false without hashes). */
    private boolean effectHashMatches(int i) {
        long[] h = c.attached();
        return h != null && capture.effectMatches(i, h, c.row());
    }

    /** Reads the rest of the window at the cursor (without replaying it) and the next window's first row. */
    private void skipWindow() throws IOException {
        boolean at = advance();
        while (at && !c.isInput()) at = advance();
    }

    /** Moves to the next row, checking that seqs are dense from 0; false at the end. */
    private boolean advance() throws IOException {
        if (!c.next()) return false;
        if (c.seq() != expect) throw WindowReader.outOfOrder(c.seq(), expect);
        expect++;
        return true;
    }

    private void keepOrder(int i) {
        if (3 * i + 3 > order.length) order = java.util.Arrays.copyOf(order, order.length * 2);
        order[3 * i] = c.seq();
        order[3 * i + 1] = c.time();
        order[3 * i + 2] = c.causeSeq();
    }

    /** The recorded effects matched so far: the replayed ones with the recorded seq, time and cause_seq. */
    private List<TraceEvent> prefix(List<TraceRow> replayed, int matched) {
        List<TraceEvent> out = new ArrayList<>(matched + 4);
        for (int i = 0; i < matched; i++) {
            out.add(recordedAs(replayed.get(i), order[3 * i], order[3 * i + 1], order[3 * i + 2]));
        }
        return out;
    }

    private TraceEvent recordedAs(EventView replayed, long seq, long time, long causeSeq) {
        return scratch.copyOf(replayed).withOrder(seq, time, causeSeq).toEvent();
    }
}
