package io.ccatrace.cli;

import io.ccatrace.trace.TraceVerification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * ccatrace verify: recomputes the integrity chain. Exit 0 when intact and complete, 1 (a
 * finding) when the chain breaks or the recording did not finish, 2 when unreadable.
 */
@Command(mixinStandardHelpOptions = true, name = "verify", description = "Check a trace's integrity chain; report the first event where it breaks.")
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "trace file")
    Path trace;

    @Override
    public Integer call() throws Exception {
        TraceVerification.Result r = TraceVerification.run(trace);
        PrintWriter out = spec.commandLine().getOut();
        if (r.problem() != null) {
            out.println(trace + ": BROKEN: " + r.problem());
        } else if (!r.complete()) {
            out.println(trace + ": INCOMPLETE: the recording did not finish; " + r.events()
                    + " events readable, chain intact up to its last checkpoint");
        } else {
            out.println(trace + ": OK: " + r.events() + " events, complete, digest " + r.digest());
        }
        if (r.storage() != null) out.println(trace + ": " + r.storage());
        out.flush();
        return r.intact() ? ExitCodes.OK : ExitCodes.FINDING;
    }
}
