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
@Command(mixinStandardHelpOptions = true, name = "import", description = "Import events in the dump's JSONL form into a trace (origin=imported).")
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
        try (VerifyingReader r = TraceFiles.openJsonl(events, Warnings.to(err), new RowConstraints())) {
            TraceMetadata m = r.metadata().with(TraceMetadata.ORIGIN, "imported")
                    .with(TraceMetadata.IMPORTED_FROM, String.valueOf(events.getFileName()));
            // a refused row (or unreadable line) leaves no half-imported trace behind
            try (TraceWriter w = TraceFiles.create(output, m)) {
                while (r.hasNext()) {
                    w.write(r.next());
                    n++;
                }
            } catch (java.io.IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(output);
                throw e;
            }
        }
        out.println("imported " + n + " events into " + output);
        out.flush();
        return ExitCodes.OK;
    }
}
