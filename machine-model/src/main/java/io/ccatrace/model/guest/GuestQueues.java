package io.ccatrace.model.guest;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Guest steps waiting to run, per REC granule address. This is the realm software's side
 * of the machine: the host (or a script) queues steps, and RMI_REC_ENTER runs them in order
 * until one exits to the host; a step that must be retried stays at the head.
 */
public final class GuestQueues {
    /** Slots of the lookup cache in front of the map (RECs of a run are few and spread out). */
    private static final int SLOTS = 64;

    private final Map<Long, Deque<GuestStep>> queues = new HashMap<>();
    /** Direct-mapped by REC granule number: the queue of recently used RECs, no boxing. */
    private final long[] slotRec = new long[SLOTS];
    @SuppressWarnings("unchecked")
    private final Deque<GuestStep>[] slotQueue = new Deque[SLOTS];

    public GuestQueues() {
        Arrays.fill(slotRec, -1);
    }

    public void add(long rec, GuestStep step) {
        Deque<GuestStep> q = queue(rec);
        if (q == null) {
            q = new ArrayDeque<>();
            queues.put(rec, q);
            remember(rec, q);
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
        int s = slot(rec);
        if (slotRec[s] == rec) {
            slotRec[s] = -1;
            slotQueue[s] = null;
        }
    }

    private Deque<GuestStep> queue(long rec) {
        int s = slot(rec);
        if (slotRec[s] == rec && slotQueue[s] != null) return slotQueue[s];
        Deque<GuestStep> q = queues.get(rec);
        if (q != null) remember(rec, q);
        return q;
    }

    private void remember(long rec, Deque<GuestStep> q) {
        int s = slot(rec);
        slotRec[s] = rec;
        slotQueue[s] = q;
    }

    private static int slot(long rec) {
        return (int) (rec >>> 12) & (SLOTS - 1);
    }
}
