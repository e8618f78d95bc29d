package io.ccatrace.replay;

import io.ccatrace.trace.EventView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Consecutive whole windows of rows, copied from a cursor into reused {@link RowCopy}s: the
 * unit {@link ReadAhead} hands from its reading thread to the replaying one. A window starts
 * at the trace's first row and at every input row. The last block of a read carries the end
 * of the trace or the error that stopped the reading.
 */
final class RowBlock {
    private RowCopy[] rows = new RowCopy[64];
    private final PayloadArrays spare = new PayloadArrays();
    private int n;
    private int[] starts = new int[16];
    private int windows;
    /** Warnings given while this block was read, each with the window it belongs before. */
    private final List<String> warnings = new ArrayList<>();
    private final List<Integer> warningAt = new ArrayList<>();
    private int warningsGiven;
    /** Whether the reading ended after this block (end of trace, --until reached, or error). */
    boolean last;
    /** Whether the reading reached the end of an unfinished trace: its last window may be cut. */
    boolean cut;
    /** What stopped the reading after this block's windows, or null. */
    Throwable error;

    void clear() {
        n = 0;
        windows = 0;
        warnings.clear();
        warningAt.clear();
        warningsGiven = 0;
        last = false;
        cut = false;
        error = null;
    }

    int rows() {
        return n;
    }

    int windows() {
        return windows;
    }

    /** Seq of the first row of the last window begun, or -1 when there is none. */
    long lastWindowSeq() {
        return windows == 0 ? -1 : rows[starts[windows - 1]].seq();
    }

    /** Keeps a warning given while the last window begun (or, before any, the first) was read. */
    void warn(String w) {
        warnings.add(w);
        warningAt.add(Math.max(0, windows - 1));
    }

    /** Gives the kept warnings that belong before window i (every one left when i is past the end). */
    void giveWarnings(int i, ReplayWarnings to) {
        while (warningsGiven < warnings.size() && warningAt.get(warningsGiven) <= i) {
            to.give(warnings.get(warningsGiven++));
        }
    }

    void beginWindow() {
        if (windows == starts.length) starts = Arrays.copyOf(starts, windows * 2);
        starts[windows++] = n;
    }

    /** Forgets the last window begun (it was not complete when the reading failed). */
    void dropLastWindow() {
        if (windows == 0) return;
        n = starts[--windows];
    }

    void add(EventView v) {
        if (n == rows.length) rows = Arrays.copyOf(rows, n * 2);
        RowCopy c = rows[n];
        if (c == null) rows[n] = c = new RowCopy();
        c.copyOf(v, spare);
        n++;
    }

    /** Refills w with window i of this block (its rows stay owned by the block). */
    void fill(Window w, int i) {
        int from = starts[i];
        int to = i + 1 < windows ? starts[i + 1] : n;
        RowCopy first = rows[from];
        boolean input = first.isInput();
        w.reset(input ? first : null);
        for (int k = input ? from + 1 : from; k < to; k++) w.add(rows[k]);
    }
}
