package io.ccatrace.trace;

/** Waiting for a background reader or checker thread to end, even when interrupted meanwhile. */
public final class ThreadJoin {
    private ThreadJoin() {
    }

    /**
     * Waits until t has ended. An interrupt that arrives meanwhile does not cut the wait short
     * (the caller must not touch what t uses before it ends); it is re-raised on the calling
     * thread afterwards.
     */
    public static void uninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
