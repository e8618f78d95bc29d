package io.ccatrace.cli;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceVerification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ccatrace info: a trace's metadata, event counts per kind, completeness and integrity. */
@Command(mixinStandardHelpOptions = true, name = "info", description = "Show a trace's metadata and its events per kind.")
public final class InfoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "trace file")
    Path trace;

    @Override
    public Integer call() throws Exception {
        TraceVerification.Result r = TraceVerification.run(trace);
        PrintWriter out = spec.commandLine().getOut();
        out.println("trace: " + trace);
        for (Map.Entry<String, String> e : r.metadata().asMap().entrySet()) {
            out.println("  " + e.getKey() + " = " + e.getValue());
        }
        out.println("events: " + r.events() + (r.complete() ? "" : " (incomplete: the recording did not finish)"));
        for (Map.Entry<EventKind, Long> e : r.perKind().entrySet()) {
            out.println(String.format("  %-13s %d", e.getKey(), e.getValue()));
        }
        out.println("integrity: " + (r.problem() == null ? "intact" : r.problem()));
        out.flush();
        return ExitCodes.OK;
    }
}
