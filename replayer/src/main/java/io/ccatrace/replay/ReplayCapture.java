package io.ccatrace.replay;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Listens to the replayed machine and keeps the rows of the current input, mapped exactly
 * as the recorder maps them (the recorder's own EventRows), so replay compares rows with
 * rows. Cleared before every input: memory stays flat in trace length.
 */
final class ReplayCapture implements EventListener {
    private TraceEvent input;
    private final List<TraceEvent> effects = new ArrayList<>();

    @Override
    public void onEvent(ModelEvent event) {
        TraceEvent row = EventRows.toRow(event);
        if (row.isInput() && input == null) {
            input = row;
        } else {
            effects.add(row);
        }
    }

    void clear() {
        input = null;
        effects.clear();
    }

    TraceEvent input() {
        return input;
    }

    List<TraceEvent> effects() {
        return effects;
    }
}
