package io.ccatrace.cli;

import io.ccatrace.model.scenario.Progress;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a recording: the JVM runs its shutdown hooks, and ours asks
 * the simulation to stop at its next progress report (every 65,536 events), waits for the
 * recording to end the trace with every event simulated so far (marked unfinished), prints one
 * line saying so, and lets the JVM exit (status 130 or 143, the signal's). Without it the
 * events still queued for the writer and the unflushed batch (up to ~40,000) were lost.
 * Registered for one recording; {@link #close} (after the recorder closed) releases the hook.
 */
final class StopOnSignal implements AutoCloseable {
    /** How long the hook waits for the recording to end its trace. */
    private static final long WAIT_SECONDS = 60;

    private final PrintWriter err;
    private final Thread hook = new Thread(this::onShutdown, "ccatrace-stop-recording");
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile String report;

    StopOnSignal(PrintWriter err) {
        this.err = err;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Thrown from the progress report once a stop was requested: the run ends there. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long events;

        Stopped(long events) {
            super("the recording was stopped by a signal after " + events + " events", null, false, false);
            this.events = events;
        }

        /** Events simulated (and handed to the recorder) when it stopped. */
        long events() {
            return events;
        }
    }

    /** p, checking for a stop request at each report (the run is between steps there: every event so far is out). */
    Progress around(Progress p) {
        return (events, target) -> {
            if (requested) throw new Stopped(events);
            p.update(events, target);
        };
    }

    /** The line the hook prints once the trace is ended (the recording stopped part-way). */
    void stoppedWith(String line) {
        report = line;
    }

    private void onShutdown() {
        requested = true;
        try {
            ended.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String line = report;
        if (line != null) {
            err.println(line);
            err.flush();
        }
    }

    /** The recording has ended its trace: the hook may finish; outside a shutdown it is removed. */
    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it prints the report and returns
        }
    }
}
