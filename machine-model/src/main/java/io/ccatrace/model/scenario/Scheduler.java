package io.ccatrace.model.scenario;

import io.ccatrace.model.host.HostThread;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic host scheduler: at every step it picks one ready host thread uniformly
 * from the seeded random source (threads are kept in creation order, so the choice never
 * depends on hash order or wall time) and a physical CPU to run it on.
 */
public final class Scheduler {
    private final SplittableRandom rng;
    private final int cpus;
    private final List<HostThread> threads = new ArrayList<>();
    /**
     * Indices into threads of the ready ones, refilled every step: ints, so the fill costs no
     * garbage collector write barrier (a reference store into this long-lived array would).
     */
    private int[] ready = new int[8];

    public Scheduler(SplittableRandom rng, int cpus) {
        this.rng = rng;
        this.cpus = cpus;
    }

    public void add(HostThread t) {
        threads.add(t);
    }

    /**
     * Drops the threads that are finished and not ready (a torn-down realm's VMM and vCPUs), so
     * that a run which keeps adding realms does not scan its dead ones at every step. The ready
     * threads keep their order, so the choices that follow are the ones they would have been.
     */
    public void removeFinished() {
        threads.removeIf(t -> t.finished() && !t.ready());
    }

    /** Runs one step of a ready thread; false when no thread is ready. */
    public boolean step() {
        int n = 0;
        for (int i = 0; i < threads.size(); i++) {
            HostThread t = threads.get(i);
            if (t.ready()) {
                if (n == ready.length) ready = java.util.Arrays.copyOf(ready, n * 2);
                ready[n++] = i;
            }
        }
        if (n == 0) return false;
        HostThread t = threads.get(ready[n == 1 ? 0 : rng.nextInt(n)]);
        t.step(cpus == 1 ? 0 : rng.nextInt(cpus));
        return true;
    }
}
