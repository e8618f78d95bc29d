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
            assertTrue(err.toString().startsWith("ccatrace: internal error: " + e.getClass().getName()), err.toString());
        }
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
        assertTrue(err.toString().startsWith("ccatrace: internal error on thread ccatrace-storage-check:"
                + " java.lang.OutOfMemoryError: Java heap space (a bug in ccatrace"), err.toString());
    }
}
