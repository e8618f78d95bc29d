package io.ccatrace.model.host;

/**
 * Something on the host the scheduler can run for one step: a VMM's construction or
 * teardown work, a vCPU thread, a hostile actor. One step is one host operation (a few RMI
 * calls at most, or one REC entry and the handling of its exit).
 */
public interface HostThread {
    /** Whether the thread has work now. */
    boolean ready();

    /** Runs one step on physical CPU cpu. */
    void step(int cpu);

    /** Whether the thread will never have work again. */
    boolean finished();
}
