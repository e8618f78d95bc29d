package io.ccatrace.trace;

import java.util.concurrent.locks.LockSupport;

/**
 * The decoded batches a read-ahead thread queues for its one caller: a ring of fixed capacity,
 * one producer (the reader thread), one consumer (the caller). The consumer parks only on an
 * empty ring and the next put wakes it. The producer, on a full ring, parks until the consumer
 * has taken it down to half ({@link #awaitRoom}), not until the next take: it then decodes
 * batches in a burst, and the two threads wake each other about twice per half ring instead of
 * once per batch (an {@code ArrayBlockingQueue} signalled the parked producer on every take:
 * a futex wake-up on the caller's thread and a scheduling decision per batch).
 */
final class ReadAheadQueue {
    private final Object[] ring;
    /** The producer waiting for room is woken once the ring holds this many or fewer. */
    private final int low;
    /** Next slot to take (only the consumer writes it). */
    private volatile long head;
    /** Next slot to fill (only the producer writes it). */
    private volatile long tail;
    /** The consumer while it waits for a batch, else null. */
    private volatile Thread taker;
    /** The producer while it waits for room, else null. */
    private volatile Thread putter;

    ReadAheadQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity below 1: " + capacity);
        ring = new Object[capacity];
        low = capacity / 2;
    }

    /** Producer: queues o if there is room (false: the ring is full). */
    boolean offer(Object o) {
        long t = tail;
        if (t - head == ring.length) return false;
        ring[(int) (t % ring.length)] = o;
        tail = t + 1;
        Thread w = taker;
        if (w != null) LockSupport.unpark(w);
        return true;
    }

    /** Producer: waits at most nanos (or until unparked) for the ring to drain to half. */
    void awaitRoom(long nanos) {
        putter = Thread.currentThread();
        if (tail - head > low) LockSupport.parkNanos(this, nanos);
        putter = null;
    }

    /** Consumer: the next object, or null when none is queued. */
    Object poll() {
        long h = head;
        if (h == tail) return null;
        int i = (int) (h % ring.length);
        Object o = ring[i];
        ring[i] = null;
        head = h + 1;
        if (tail - h - 1 <= low) {
            Thread w = putter;
            if (w != null) LockSupport.unpark(w);
        }
        return o;
    }

    /** Consumer: the next object, waiting for it; an interrupt (also one pending on entry) throws, as a blocking queue's take. */
    Object take() throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
        while (true) {
            Object o = poll();
            if (o != null) return o;
            taker = Thread.currentThread();
            // the flag is published before the ring is looked at again: a put after it unparks
            if (head == tail) LockSupport.park(this);
            taker = null;
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }
}
