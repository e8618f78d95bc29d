package io.ccatrace.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.host.HostThread;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's rule: each step picks one ready thread uniformly from the seeded source,
 * among the ready ones in creation order, then a CPU from the same source.
 */
class SchedulerTest {
    /** A thread that records the CPUs it ran on; ready while its flag is set. */
    private static final class Thread implements HostThread {
        boolean ready = true;
        final List<Integer> ran = new ArrayList<>();

        public boolean ready() { return ready; }
        public void step(int cpu) { ran.add(cpu); }
        public boolean finished() { return !ready; }
    }

    @Test
    void picksAmongReadyThreadsInCreationOrderFromTheSeededSource() {
        List<Thread> ts = new ArrayList<>();
        Scheduler s = new Scheduler(new SplittableRandom(42), 4);
        for (int i = 0; i < 20; i++) {          // more than the initial room for ready threads
            Thread t = new Thread();
            t.ready = i % 3 != 1;
            ts.add(t);
            s.add(t);
        }
        SplittableRandom expected = new SplittableRandom(42);
        for (int step = 0; step < 200; step++) {
            if (step == 100) ts.get(0).ready = false;
            List<Thread> ready = new ArrayList<>();
            for (Thread t : ts) if (t.ready) ready.add(t);
            Thread pick = ready.get(expected.nextInt(ready.size()));
            int cpu = expected.nextInt(4);
            int before = pick.ran.size();
            assertTrue(s.step());
            assertEquals(before + 1, pick.ran.size(), "step " + step);
            assertEquals(cpu, pick.ran.get(before));
        }
    }

    @Test
    void oneReadyThreadOnOneCpuDrawsNothingAndNoneReadyStops() {
        Thread a = new Thread();
        Thread b = new Thread();
        b.ready = false;
        SplittableRandom rng = new SplittableRandom(7);
        Scheduler s = new Scheduler(rng, 1);
        s.add(a);
        s.add(b);
        assertTrue(s.step());
        assertEquals(List.of(0), a.ran);
        assertEquals(new SplittableRandom(7).nextLong(), rng.nextLong(), "no draw for one thread on one CPU");
        a.ready = false;
        assertFalse(s.step());
    }

    /** Dropping finished threads keeps the ready ones' order, so every later choice is the same. */
    @Test
    void removingFinishedThreadsChangesNoChoice() {
        List<Thread> kept = new ArrayList<>();
        List<Thread> pruned = new ArrayList<>();
        Scheduler a = new Scheduler(new SplittableRandom(5), 3);
        Scheduler b = new Scheduler(new SplittableRandom(5), 3);
        for (int i = 0; i < 12; i++) {
            Thread x = new Thread();
            Thread y = new Thread();
            x.ready = y.ready = i % 4 != 2;   // every fourth is finished (not ready)
            kept.add(x);
            pruned.add(y);
            a.add(x);
            b.add(y);
        }
        b.removeFinished();
        for (int step = 0; step < 300; step++) {
            assertTrue(a.step());
            assertTrue(b.step());
        }
        for (int i = 0; i < kept.size(); i++) assertEquals(kept.get(i).ran, pruned.get(i).ran, "thread " + i);
    }
}
