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
    /** The queue looked up last (a REC entry asks for the same one many times in a row). */
    private long lastRec = -1;
    private Deque<GuestStep> lastQueue;

    public void add(long rec, GuestStep step) {
        Deque<GuestStep> q = queue(rec);
        if (q == null) {
            q = new ArrayDeque<>();
            queues.put(rec, q);
            lastRec = rec;
            lastQueue = q;
        }
        q.addLast(step);
    }

    /** Next step for the REC, or null when it has nothing queued (it idles). */
    public GuestStep peek(long rec) {
        Deque<GuestStep> q = queue(rec);
        return q == null ? null : q.peekFirst();
    }

    /** Consumes the head step (after it completed or was consumed by an SEA). */
    public void pop(long rec) {
        Deque<GuestStep> q = queue(rec);
        if (q != null) q.pollFirst();
    }

    public int size(long rec) {
        Deque<GuestStep> q = queue(rec);
        return q == null ? 0 : q.size();
    }

    /** Drops everything queued for a REC (e.g. when it is destroyed). */
    public void clear(long rec) {
        queues.remove(rec);
        if (rec == lastRec) {
            lastRec = -1;
            lastQueue = null;
        }
    }

    private Deque<GuestStep> queue(long rec) {
        if (rec == lastRec && lastQueue != null) return lastQueue;
        Deque<GuestStep> q = queues.get(rec);
        if (q != null) {
            lastRec = rec;
            lastQueue = q;
        }
        return q;
    }
}
