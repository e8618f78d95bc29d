package io.ccatrace.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's reader warnings go: one line each on the command's stderr. */
final class Warnings {
    private Warnings() {
    }

    /** Prints each warning as "ccatrace: warning: ..." on err. */
    static Consumer<String> to(PrintWriter err) {
        return w -> err.println("ccatrace: warning: " + w);
    }

    /** As {@link #to(PrintWriter)} on the command's stderr. */
    static Consumer<String> to(CommandSpec spec) {
        return to(spec.commandLine().getErr());
    }
}
