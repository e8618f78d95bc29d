package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * An Error thrown by a command (out of memory, a stack overflow) is an internal error like an
 * exception: one line, exit 3 (docs/bad-input.md). picocli hands only Exceptions to the
 * execution handler, so before the fix an Error reached the JVM: a stack trace, and exit 1,
 * the code of a finding.
 */
class InternalErrorTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final Error error;

        Boom(Error error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }

    @Test
    void anErrorIsOneLineAndExitThree() {
        for (Error e : new Error[] {new OutOfMemoryError("Java heap space"), new StackOverflowError()}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            PrintWriter ew = new PrintWriter(err, true);
            CommandLine cl = Ccatrace.commandLine(new PrintWriter(out, true), ew);
            cl.addSubcommand("boom", new Boom(e));
            int code = Ccatrace.execute(cl, ew, "boom");
            assertEquals(ExitCodes.INTERNAL, code, err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            String first = e instanceof OutOfMemoryError ? "ccatrace: out of memory (java.lang.OutOfMemoryError: Java heap space)"
                    : "ccatrace: internal error: " + e.getClass().getName();
            assertTrue(err.toString().startsWith(first), err.toString());
        }
    }

    /**
     * Running out of heap is most often a heap too small for the command (a 5 M-event replay
     * in -Xmx64m), not a bug: the line gives the maximum heap and how to raise it, and says
     * to report it only if the command should fit. It said "a bug in ccatrace" before.
     */
    @Test
    void runningOutOfHeapSaysHowToGiveTheJvmMore() {
        StringWriter err = new StringWriter();
        PrintWriter ew = new PrintWriter(err, true);
        CommandLine cl = Ccatrace.commandLine(new PrintWriter(new StringWriter(), true), ew);
        cl.addSubcommand("boom", new Boom(new OutOfMemoryError("Java heap space")));
        assertEquals(ExitCodes.INTERNAL, Ccatrace.execute(cl, ew, "boom"));
        String line = err.toString();
        long max = Runtime.getRuntime().maxMemory() >> 20;
        assertTrue(line.contains("maximum heap of " + max + " MiB") && line.contains("CCATRACE_JAVA_OPTS=-Xmx"), line);
        assertTrue(!line.contains("a bug in ccatrace"), line);
    }

    /**
     * A throwable nobody caught on another thread (a reader or checker thread of ours): one
     * line naming the thread, not the JVM's default stack trace.
     */
    @Test
    void anUncaughtErrorOnAnotherThreadIsOneLine() throws Exception {
        StringWriter err = new StringWriter();
        PrintWriter ew = new PrintWriter(err, true);
        Thread t = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "ccatrace-storage-check");
        t.setUncaughtExceptionHandler((th, e) -> Ccatrace.uncaught(ew, th, e));
        t.start();
        t.join();
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("ccatrace: out of memory on thread ccatrace-storage-check"
                + " (java.lang.OutOfMemoryError: Java heap space)"), err.toString());
    }
}
