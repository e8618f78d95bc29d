package io.ccatrace.cli;

import io.ccatrace.trace.RowConstraints;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceFormat;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.VerifyingReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ccatrace import: reads events in the dump form (JSON lines) into a trace marked imported. */
@Command(mixinStandardHelpOptions = true, name = "import", description = {
    "Import events in the dump's JSONL form into a trace (origin=imported).",
    "Ctrl-C or SIGTERM ends TRACE at a row boundary as an unfinished trace with",
    "every event imported so far, says how many, and exits 130 / 143."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EVENTS", description = "JSON lines, one event per line")
    Path events;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "TRACE", description = "trace to write")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        TraceFormat.of(output);
        long n = 0;
        boolean complete;
        try (StopOnSignal stop = new StopOnSignal(err);
             VerifyingReader r = TraceFiles.openJsonl(events, Warnings.to(err), new RowConstraints())) {
            TraceMetadata m = r.metadata().with(TraceMetadata.ORIGIN, "imported")
                    .with(TraceMetadata.IMPORTED_FROM, String.valueOf(events.getFileName()));
            // a refused row (or unreadable line) leaves no half-imported trace behind; a signal leaves what was imported
            try (TraceWriter w = TraceFiles.create(output, m)) {
                n = stop.copy(r, w);
                complete = r.complete();
                // a JSONL trace file cut short (a recording to .jsonl that did not finish) stays unfinished, as convert keeps it
                if (!complete) w.abandon();
            } catch (StopOnSignal.Stopped s) {
                // TRACE was ended with every event imported; the shutdown hook prints this and the JVM exits
                stop.stoppedWith(StopOnSignal.copyStopped("import", output, s.events()));
                return ExitCodes.INTERNAL; // not reached as an exit status: the JVM is exiting with the signal's
            } catch (java.io.IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(output);
                throw e;
            }
        }
        out.println("imported " + n + " events into " + output + (complete ? "" : ", an unfinished trace as "
                + events + " is (the recording did not finish)"));
        out.flush();
        return ExitCodes.OK;
    }
}
