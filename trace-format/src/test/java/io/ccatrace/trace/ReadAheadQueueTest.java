package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The read-ahead ring ({@link ReadAheadQueue}): first in, first out across the ring's wrap,
 * between two threads; a full ring refuses; a producer waiting for room is let go once the
 * consumer has taken the ring down to half; a consumer waits for the next put.
 */
class ReadAheadQueueTest {
    @Test
    void objectsArriveInOrderAcrossThreads() throws Exception {
        for (int capacity : new int[] {1, 2, 7, 14}) {
            ReadAheadQueue q = new ReadAheadQueue(capacity);
            int n = 200_000;
            Integer[] items = new Integer[n];
            for (int i = 0; i < n; i++) items[i] = i;
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread producer = new Thread(() -> {
                Random r = new Random(capacity);
                try {
                    for (int i = 0; i < n; i++) {
                        while (!q.offer(items[i])) q.awaitRoom(r.nextInt(3) == 0 ? 1_000 : 50_000_000L);
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            producer.start();
            List<Object> got = new ArrayList<>(n);
            Random r = new Random(7 * capacity);
            while (got.size() < n) {
                Object o = r.nextInt(4) == 0 ? q.take() : q.poll();
                if (o != null) got.add(o);
            }
            producer.join();
            assertNull(failed.get());
            for (int i = 0; i < n; i++) assertSame(items[i], got.get(i), "capacity " + capacity + ", object " + i);
            assertNull(q.poll());
        }
    }

    @Test
    void aFullRingRefusesAndItsProducerIsLetGoAtHalf() throws Exception {
        ReadAheadQueue q = new ReadAheadQueue(8);
        for (int i = 0; i < 8; i++) assertTrue(q.offer(i));
        assertFalse(q.offer(8), "full");
        // with nothing taken, a bounded wait just ends
        q.awaitRoom(1_000_000);
        assertFalse(q.offer(8));
        boolean[] roomSeen = {false};
        Thread producer = new Thread(() -> {
            q.awaitRoom(60_000_000_000L);
            roomSeen[0] = q.offer(8);
        });
        producer.start();
        for (int i = 0; i < 4; i++) assertEquals(i, q.poll());
        // 4 left = half: the producer is unparked (its minute-long wait would outlast the join)
        producer.join(30_000);
        assertFalse(producer.isAlive(), "producer let go at half");
        assertTrue(roomSeen[0]);
        for (int i = 4; i <= 8; i++) assertEquals(i, q.poll());
        assertNull(q.poll());
        // at half or below, waiting for room returns at once
        q.awaitRoom(60_000_000_000L);
    }

    @Test
    void aConsumerWaitsForTheNextPutAndAnInterruptEndsTheWait() throws Exception {
        ReadAheadQueue q = new ReadAheadQueue(3);
        Object[] got = new Object[1];
        Thread consumer = new Thread(() -> {
            try {
                got[0] = q.take();
            } catch (InterruptedException e) {
                got[0] = e;
            }
        });
        consumer.start();
        Object x = new Object();
        assertTrue(q.offer(x));
        consumer.join(30_000);
        assertFalse(consumer.isAlive());
        assertSame(x, got[0]);

        Thread waiting = new Thread(() -> {
            try {
                got[0] = q.take();
            } catch (InterruptedException e) {
                got[0] = e;
            }
        });
        waiting.start();
        waiting.interrupt();
        waiting.join(30_000);
        assertFalse(waiting.isAlive());
        assertTrue(got[0] instanceof InterruptedException);
        Thread.currentThread().interrupt();
        assertTrue(q.offer(x));
        assertThrows(InterruptedException.class, q::take, "an interrupt pending on entry, as a blocking queue");
        assertFalse(Thread.interrupted());
        assertSame(x, q.take());
        assertThrows(IllegalArgumentException.class, () -> new ReadAheadQueue(0));
    }
}
