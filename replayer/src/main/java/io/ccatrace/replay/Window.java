package io.ccatrace.replay;

import io.ccatrace.trace.EventView;
import java.util.ArrayList;
import java.util.List;

/**
 * One input and the effects that follow it up to the next input: the unit replay feeds and
 * compares. Instances and their rows are reused by their producer (memory stays flat in
 * trace length), so a consumer must copy what it keeps ({@link EventView#toEvent()}). input
 * is null for effects emitted before any input.
 */
public final class Window {
    private EventView input;
    private final List<EventView> effects = new ArrayList<>();

    public EventView input() {
        return input;
    }

    public List<EventView> effects() {
        return effects;
    }

    /** Seq of the window's input (or of its first effect when it has no input). */
    public long seq() {
        if (input != null) return input.seq();
        return effects.isEmpty() ? -1 : effects.get(0).seq();
    }

    void reset(EventView in) {
        input = in;
        effects.clear();
    }

    void add(EventView effect) {
        effects.add(effect);
    }

    /** A detached copy (immutable rows, for reports). */
    public Window copy() {
        Window w = new Window();
        w.input = input == null ? null : input.toEvent();
        for (EventView e : effects) w.effects.add(e.toEvent());
        return w;
    }

    @Override
    public String toString() {
        return "Window{" + input + ", " + effects.size() + " effects}";
    }
}
