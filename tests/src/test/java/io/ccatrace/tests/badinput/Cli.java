package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.cli.Ccatrace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/**
 * One command line run in-process, and the project's bad-input standard as assertions: exit
 * code 2, exactly one line on stderr starting "ccatrace:" that names what and where, no Java
 * exception name or stack frame anywhere in the output, and no hang (the 60 s guard is a hang
 * check, not a speed test).
 */
record Cli(int code, String out, String err, String command) {
    static final Duration HANG = Duration.ofSeconds(60);
    /** An object's default toString (Class@1b2c3d4): differs from run to run. */
    private static final java.util.regex.Pattern IDENTITY = java.util.regex.Pattern.compile("[\\w$]@[0-9a-f]{6,}");

    static Cli run(String... args) {
        String command = String.join(" ", args);
        return assertTimeoutPreemptively(HANG, () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Cli(code, out.toString(), err.toString(), command);
        }, "hangs: ccatrace " + command);
    }

    /** No stack trace or exception name on either stream, no object identity on stderr. */
    Cli noStackTrace() {
        for (String s : new String[] {out, err}) {
            assertFalse(s.contains("\tat ") || s.contains("Exception"),
                    "ccatrace " + command + " printed a Java failure:\n" + s);
        }
        assertFalse(IDENTITY.matcher(err).find(), "ccatrace " + command + " printed an object identity (differs per run):\n" + err);
        return this;
    }

    /**
     * Refused as bad input, or read with exactly one warning that the integrity chain is
     * broken (a reader of some columns only, whose columns decode: docs/trace-format.md).
     */
    Cli refusedOrWarned(String name) {
        if (code == 2) return badInput(name);
        noStackTrace();
        assertEquals(1, err.lines().count(), "stderr of ccatrace " + command + " is one line:\n" + err);
        assertTrue(err.startsWith("ccatrace: warning: " + name + ": integrity chain broken"), err);
        return this;
    }

    /** Exit 2 and one "ccatrace:" line on stderr containing every one of names. */
    Cli badInput(String... names) {
        noStackTrace();
        assertEquals(2, code, "exit code of ccatrace " + command + "\nstdout: " + out + "\nstderr: " + err);
        assertEquals(1, err.lines().count(), "stderr of ccatrace " + command + " is one line:\n" + err);
        assertTrue(err.startsWith("ccatrace: "), err);
        for (String n : names) assertTrue(err.contains(n), "ccatrace " + command + ": '" + n + "' not named in: " + err);
        return this;
    }
}
