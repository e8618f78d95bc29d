package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 2: `ccatrace --help` lists the commands and every command (and subcommand) has --help,
 * which picocli formats without a warning (a description's '%' must be written '%%').
 */
class HelpTest {
    @Test
    void everyCommandAnswersHelpWithUsageAndExitZero() {
        CommandLine root = Ccatrace.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        assertTrue(paths.size() > 15, "commands found: " + paths);
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true));   // picocli warns there, e.g. of an unescaped '%'
        try {
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(new String[0]));
                assertEquals(0, code, String.join(" ", args) + ": " + err);
                assertTrue(out.toString().startsWith("Usage: ccatrace"), String.join(" ", args) + ": " + out);
                assertEquals("", picocliWarnings.toString(), String.join(" ", args));
            }
        } finally {
            System.setErr(systemErr);
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }
}
