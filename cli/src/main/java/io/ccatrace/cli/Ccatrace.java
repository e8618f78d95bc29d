package io.ccatrace.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The ccatrace command line. Subcommands are thin: the work lives in the modules. */
@Command(name = "ccatrace", mixinStandardHelpOptions = true, version = "ccatrace " + Ccatrace.VERSION,
        description = "Simulate, record, replay and analyze Arm CCA machine traces.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, ReplayCommand.class,
                ModelsCommand.class, DumpCommand.class, InfoCommand.class, ConvertCommand.class,
                ImportCommand.class, VerifyCommand.class, BenchCommand.class, RecordCommand.class,
                ScenariosCommand.class, DemoCommand.class, StateCommand.class, HistoryCommand.class,
                DiffCommand.class, CheckpointCommand.class,
                AnalyzeCommand.class, ExplainCommand.class, StatsCommand.class, ReportCommand.class})
public final class Ccatrace implements Runnable {
    /** Set (to anything) to have an internal error print its stack trace after its one line. */
    static final String STACK_ENV = "CCATRACE_STACK";

    /** The simulator version, recorded in every trace's metadata. */
    public static final String VERSION = "0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught(err, t, e));
        System.exit(run(out, err, args));
    }

    /**
     * A throwable no code caught on a thread of ours (a reader, checker or writer thread: their
     * owners see the failure as a missing result and report it, or the JVM's default printed a
     * stack trace of its own). One line, as every internal error (docs/bad-input.md), with the
     * stack trace under CCATRACE_STACK.
     */
    static void uncaught(PrintWriter err, Thread t, Throwable e) {
        reportBug("internal error on thread " + t.getName() + ": ", e, err);
    }

    /**
     * Runs one command line, for the launcher and for tests. picocli hands only Exceptions to
     * the execution handler; an Error (out of memory, a stack overflow) went past it to the
     * JVM, which printed its stack trace and exited with 1, the code of a finding. It is an
     * internal error like any other (docs/bad-input.md: one line, exit 3).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(out, err), err, args);
    }

    /** {@link CommandLine#execute}, with an Error reported as an internal error. */
    static int execute(CommandLine cl, PrintWriter err, String... args) {
        try {
            return cl.execute(args);
        } catch (Error e) {
            return internalError(e, err);
        }
    }

    /** A configured picocli CommandLine writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Ccatrace());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(Ccatrace::handleException);
        cl.setParameterExceptionHandler((ex, a) -> {
            if (ReplayCommand.wantsJson(ex.getCommandLine(), a)) {
                io.ccatrace.replay.report.DivergenceJson.failure(ex.getCommandLine().getOut(), null, oneLine(ex.getMessage()));
                ex.getCommandLine().getOut().flush();
            }
            ex.getCommandLine().getErr().println("ccatrace: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    private static int handleException(Exception ex, CommandLine cl,
                                       CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ModelBroke) {
            err.println("ccatrace: " + oneLine(ex.getMessage()));
            return ((ModelBroke) ex).exitCode();
        }
        String line = badInputLine(ex);
        if (line != null) {
            err.println("ccatrace: " + line);
            return ExitCodes.BAD_INPUT;
        }
        return internalError(ex, err);
    }

    /**
     * The one line (after "ccatrace: ") a command's failure is reported with when it is bad
     * input (exit 2): an unreadable file, a wrong option or file content; null for anything else.
     */
    static String badInputLine(Exception ex) {
        if (ex instanceof java.io.UncheckedIOException) return oneLine(ioMessage(((java.io.UncheckedIOException) ex).getCause()));
        if (ex instanceof java.io.IOException) return oneLine(ioMessage((java.io.IOException) ex));
        if (ex instanceof UserException) return oneLine(ex.getMessage());
        return null;
    }

    /** The one line of a bug in ccatrace (its stack trace after it with {@link #STACK_ENV} set); exit 3. */
    private static int internalError(Throwable ex, PrintWriter err) {
        reportBug("internal error: ", ex, err);
        return ExitCodes.INTERNAL;
    }

    /** "ccatrace: " + what + ex, and that it is a bug to report; the stack trace after it with {@link #STACK_ENV} set. */
    private static void reportBug(String what, Throwable ex, PrintWriter err) {
        boolean stack = System.getenv(STACK_ENV) != null;
        if (ex instanceof OutOfMemoryError) {
            err.println(outOfMemory(what, ex, stack));
        } else {
            err.println("ccatrace: " + what + ex + (stack ? ""
                    : " (a bug in ccatrace: please report it with the command; " + STACK_ENV + "=1 prints the stack trace)"));
        }
        if (stack) ex.printStackTrace(err);
        err.flush();
    }

    /**
     * Running out of memory: most often a maximum heap too small for the command (a 5 M-event
     * replay in -Xmx64m), so the line gives the heap and how to raise it; a bug only if the
     * command should have fitted. what is "internal error: " or "internal error on thread T: ".
     */
    private static String outOfMemory(String what, Throwable ex, boolean stack) {
        String where = what.replace("internal error", "out of memory").replace(": ", "");
        long max = Runtime.getRuntime().maxMemory() >> 20;
        return "ccatrace: " + where + " (" + ex + ") with a maximum heap of " + max
                + " MiB: give the JVM more with CCATRACE_JAVA_OPTS=-Xmx..."
                + (stack ? "" : "; if the command should fit, report it (" + STACK_ENV + "=1 prints the stack trace)");
    }

    /**
     * An I/O failure as "FILE: what": the JDK's file-system errors carry only the path as their
     * message (a missing directory under -o printed as just the path), so they get the reason.
     */
    static String ioMessage(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException) {
            java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) e;
            if (f.getReason() == null && f.getFile() != null && f.getFile().contains(": ")) return f.getFile(); // already "FILE: what"
            String why = f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : f.getReason() != null ? f.getReason() : "cannot access";
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + why;
        }
        return e.getMessage();
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
