package io.ccatrace.replay;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.recorder.TraceRow;
import io.ccatrace.trace.chain.ContentHash;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Listens to the replayed machine and keeps the events of the current input. An event is
 * hashed when it is compared with a recorded row that has a hash, straight from the
 * recorder's own mapping (EventRows.emit into a {@link ContentHash}: the hash of the row the
 * recorder would write, with no row made), so a replay whose recorded rows have no hashes (a
 * JSONL trace, rows in memory) does not hash at all; its row is filled only when asked for
 * (EventRows.fill into a pool of reused {@link TraceRow}s), i.e. when the hashes do not settle
 * a comparison. Cleared before every input: memory stays flat in trace length.
 */
final class ReplayCapture implements EventListener {
    private static final ModelEvent[] NONE = new ModelEvent[0];
    /** Hashes replayed rows with the key of the recorded rows' hashes ({@link Replayer#openCursor}). */
    private final ContentHash hash = new ContentHash();
    private final List<TraceRow> pool = new ArrayList<>();
    private final Effects effects = new Effects();
    private ModelEvent input;
    private TraceRow inputRow;
    /**
     * The effects of this input; a fresh array per input that has effects (a long-lived one
     * would be in the old generation, and each store of a new event into it would pay the
     * collector's write barrier, as in the model's EventBus).
     */
    private ModelEvent[] events = NONE;
    private int count;
    /** How many of the effects' rows are filled (always a prefix: rows are filled in order). */
    private int filled;

    @Override
    public void onEvent(ModelEvent event) {
        if (input == null && EventRows.isInput(event)) {
            input = event;
            return;
        }
        if (count == events.length) events = java.util.Arrays.copyOf(events, Math.max(8, 2 * count));
        events[count++] = event;
    }

    void clear() {
        input = null;
        inputRow = null;
        events = NONE;
        count = 0;
        filled = 0;
    }

    boolean hasInput() {
        return input != null;
    }

    /** The replayed input's row, or null when the machine gave none. */
    TraceRow input() {
        if (input != null && inputRow == null) {
            inputRow = row(0);
            EventRows.fill(inputRow, input);
        }
        return inputRow;
    }

    /**
     * Whether row {@code row} of recorded hashes (two words per row, 0, 0 for none) has the
     * replayed input's content. False means "compare exactly", not "different".
     */
    boolean inputMatches(long[] recorded, int row) {
        return input != null && same(input, recorded, row);
    }

    int effectCount() {
        return count;
    }

    /** As {@link #inputMatches}, for effect i. */
    boolean effectMatches(int i, long[] recorded, int row) {
        return same(events[i], recorded, row);
    }

    /** The row of effect i. */
    TraceRow effect(int i) {
        while (filled <= i) {
            EventRows.fill(row(filled + 1), events[filled]);
            filled++;
        }
        return pool.get(i + 1);
    }

    /** The effects' rows, in order. */
    List<TraceRow> effects() {
        return effects;
    }

    /** Whether the recorded row has a hash and the replayed event hashes to it (an event too long to hash never does). */
    private boolean same(ModelEvent e, long[] recorded, int row) {
        long x = recorded[2 * row];
        long y = recorded[2 * row + 1];
        if ((x | y) == 0) return false;
        EventRows.emit(hash, e);
        return hash.hashed() && hash.first() == x && hash.second() == y;
    }

    /** Pool slot i (0: the input; i + 1: effect i). */
    private TraceRow row(int i) {
        while (pool.size() <= i) pool.add(new TraceRow());
        return pool.get(i);
    }

    /** The effects as a list of rows, each filled when first read. */
    private final class Effects extends AbstractList<TraceRow> {
        @Override
        public TraceRow get(int i) {
            if (i < 0 || i >= count) throw new IndexOutOfBoundsException(i);
            return effect(i);
        }

        @Override
        public int size() {
            return count;
        }
    }
}
