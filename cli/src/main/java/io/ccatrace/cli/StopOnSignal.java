package io.ccatrace.cli;

import io.ccatrace.model.scenario.Progress;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM while a command writes a trace (`record`, `convert`, `import`):
 * the JVM runs its shutdown hooks, and ours asks the command to stop (a recording at its next
 * progress report, every 65,536 events; a copy at its next row), waits for it to end the trace
 * with every event written so far (marked unfinished), prints one line saying so, and lets the
 * JVM exit (status 130 or 143, the signal's). Without it a recording lost the events still
 * queued for the writer and the unflushed batch (up to ~40,000), and a copy to Parquet lost
 * everything (no footer) and one to Arrow its last batch. Registered for one command's trace;
 * {@link #close} (after the trace was ended) releases the hook.
 */
final class StopOnSignal implements AutoCloseable {
    /** How long the hook waits for the command to end its trace. */
    private static final long WAIT_SECONDS = 60;

    private final PrintWriter err;
    private final Thread hook = new Thread(this::onShutdown, "ccatrace-stop-on-signal");
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile String report;

    StopOnSignal(PrintWriter err) {
        this.err = err;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Thrown at a check once a stop was requested: the run (or copy) ends there. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long events;

        Stopped(long events) {
            super("stopped by a signal after " + events + " events", null, false, false);
            this.events = events;
        }

        /** Events handed to the trace's writer when it stopped (simulated and recorded, or copied). */
        long events() {
            return events;
        }
    }

    /** p, checking for a stop request at each report (the run is between steps there: every event so far is out). */
    Progress around(Progress p) {
        return (events, target) -> {
            check(events);
            p.update(events, target);
        };
    }

    /** Throws {@link Stopped} once a stop was requested; call where every one of events is written. */
    private void check(long events) {
        if (requested) throw new Stopped(events);
    }

    /**
     * Writes every row of r to w, checking for a stop request before each row: once one came, w
     * is ended as an unfinished trace keeping every row written ({@link TraceWriter#abandon}, as
     * a recording that did not finish) and {@link Stopped} is thrown. Returns the rows written.
     */
    long copy(TraceReader r, TraceWriter w) throws IOException {
        long n = 0;
        try {
            while (r.hasNext()) {
                check(n);
                w.write(r.next());
                n++;
            }
        } catch (Stopped s) {
            w.abandon();
            throw s;
        }
        return n;
    }

    /** The line a stopped copy prints: "COMMAND stopped by a signal after N events; OUT keeps all N, ...". */
    static String copyStopped(String command, Path out, long events) {
        return "ccatrace: " + command + " stopped by a signal after " + events + " events; " + out + " keeps all " + events
                + ", as an unfinished trace";
    }

    /** The line the hook prints once the trace is ended (the command stopped part-way). */
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

    /** The command has ended its trace: the hook may finish; outside a shutdown it is removed. */
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
