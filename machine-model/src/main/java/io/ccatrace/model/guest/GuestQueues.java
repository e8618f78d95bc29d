package io.ccatrace.model.guest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Guest steps waiting to run, per REC granule address. This is the realm software's side
 * of the machine: the host (or a script) queues steps, and RMI_REC_ENTER runs them in order
 * until one exits to the host; a step that must be retried stays at the head.
 */
public final class GuestQueues {
    private final Map<Long, Deque<GuestStep>> queues = new HashMap<>();

    public void add(long rec, GuestStep step) {
        queues.computeIfAbsent(rec, k -> new ArrayDeque<>()).addLast(step);
    }

    /** Next step for the REC, or null when it has nothing queued (it idles). */
    public GuestStep peek(long rec) {
        Deque<GuestStep> q = queues.get(rec);
        return q == null ? null : q.peekFirst();
    }

    /** Consumes the head step (after it completed or was consumed by an SEA). */
    public void pop(long rec) {
        Deque<GuestStep> q = queues.get(rec);
        if (q != null) q.pollFirst();
    }

    public int size(long rec) {
        Deque<GuestStep> q = queues.get(rec);
        return q == null ? 0 : q.size();
    }

    /** Drops everything queued for a REC (e.g. when it is destroyed). */
    public void clear(long rec) {
        queues.remove(rec);
    }
}
