package io.ccatrace.replay;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.recorder.TraceRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Listens to the replayed machine and keeps the rows of the current input, mapped exactly
 * as the recorder maps them (the recorder's own EventRows), so replay compares rows with
 * rows. The rows are a pool of reused {@link TraceRow}s refilled for every input (no object
 * per replayed event; their arrays are the model events' own). Cleared before every input:
 * memory stays flat in trace length.
 */
final class ReplayCapture implements EventListener {
    private final List<TraceRow> pool = new ArrayList<>();
    private int used;
    private TraceRow input;
    private final List<TraceRow> effects = new ArrayList<>();

    @Override
    public void onEvent(ModelEvent event) {
        if (used == pool.size()) pool.add(new TraceRow());
        TraceRow row = pool.get(used++);
        EventRows.fill(row, event);
        if (row.isInput() && input == null) {
            input = row;
        } else {
            effects.add(row);
        }
    }

    void clear() {
        input = null;
        effects.clear();
        used = 0;
    }

    TraceRow input() {
        return input;
    }

    List<TraceRow> effects() {
        return effects;
    }
}
