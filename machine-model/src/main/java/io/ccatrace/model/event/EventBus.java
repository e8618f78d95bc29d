package io.ccatrace.model.event;


/**
 * The one place events leave the model. It hands out seq numbers and the simulated time,
 * and keeps the output in seq order: an input (e.g. an RMI call) reserves its seq before its
 * effects happen, and is published, followed by its effects, when it completes.
 */
public final class EventBus {
    private EventListener[] listeners = new EventListener[0];
    /**
     * Effects of the open input, in order; a fresh array per input that has effects, dropped
     * when the input ends. (A long-lived list would live in the old generation, and every
     * store of a new event into it pays the collector's old-to-young write barrier.)
     */
    private ModelEvent[] pending;
    private int pendingCount;
    private long nextSeq;
    private long now;
    private long openInput = ModelEvent.NONE;

    public void addListener(EventListener l) {
        listeners = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = l;
    }

    /** Simulated time, ns. */
    public long now() {
        return now;
    }

    /** Advances simulated time. */
    public void advance(long ns) {
        if (ns < 0) throw new IllegalArgumentException("time goes forward");
        now += ns;
    }

    /** Seq of the input being executed, or NONE outside an input. */
    public long cause() {
        return openInput;
    }

    /** Next seq to hand out (also the number of events so far). */
    public long peekSeq() {
        return nextSeq;
    }

    /** Allocates a seq for an effect. */
    public long seq() {
        return nextSeq++;
    }

    /** Starts an input: reserves its seq; effects are held until {@link #endInput}. */
    public long beginInput() {
        if (openInput != ModelEvent.NONE) {
            throw new IllegalStateException("input " + openInput + " still open");
        }
        openInput = nextSeq++;
        return openInput;
    }

    /** Emits an effect of the open input (or publishes it at once outside an input). */
    public void emit(ModelEvent e) {
        if (openInput == ModelEvent.NONE) {
            publish(e);
            return;
        }
        if (pending == null) {
            pending = new ModelEvent[8];
        } else if (pendingCount == pending.length) {
            pending = java.util.Arrays.copyOf(pending, 2 * pendingCount);
        }
        pending[pendingCount++] = e;
    }

    /** Completes the open input: publishes it, then its effects, in seq order. */
    public void endInput(ModelEvent input) {
        if (input.seq() != openInput) {
            throw new IllegalStateException("input seq " + input.seq() + " != open " + openInput);
        }
        openInput = ModelEvent.NONE;
        publish(input);
        ModelEvent[] effects = pending;
        int n = pendingCount;
        pending = null;
        pendingCount = 0;
        for (int i = 0; i < n; i++) {
            publish(effects[i]);
        }
    }

    private void publish(ModelEvent e) {
        EventListener[] ls = listeners;
        for (int i = 0; i < ls.length; i++) {
            ls[i].onEvent(e);
        }
    }
}
