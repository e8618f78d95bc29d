package io.ccatrace.cli;

import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ccatrace convert: rewrites a trace in the format of the output's extension. */
@Command(mixinStandardHelpOptions = true, name = "convert", description = {
    "Convert a trace between .arrows, .parquet and .jsonl (by extension).",
    "Ctrl-C or SIGTERM ends OUT at a row boundary as an unfinished trace with",
    "every event copied so far, says how many, and exits 130 / 143."})
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "input trace")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output trace")
    Path out;

    @picocli.CommandLine.Option(names = "--arrow-compression", defaultValue = "none", paramLabel = "lz4|none",
            description = ArrowCompression.DESCRIPTION)
    String arrowCompression;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new UserException(out + ": output is the input file");
        }
        io.ccatrace.trace.TraceFormat.of(out);
        boolean lz4 = ArrowCompression.lz4(arrowCompression, out);
        try (StopOnSignal stop = new StopOnSignal(err);
             TraceReader r = TraceFiles.openEvents(in, Warnings.to(err))) {
            // only a half-written output is deleted: an input that cannot be opened leaves OUT as it was
            try {
                copy(r, out, lz4, stop);
            } catch (StopOnSignal.Stopped s) {
                // OUT was ended with every event copied; the shutdown hook prints this and the JVM exits
                stop.stoppedWith(StopOnSignal.copyStopped("convert", out, s.events()));
                return ExitCodes.INTERNAL; // not reached as an exit status: the JVM is exiting with the signal's
            } catch (java.io.IOException | RuntimeException e) {
                Files.deleteIfExists(out);
                throw e;
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Copies every event of r to a new trace at path, keeping r's metadata; a recording that
     * did not finish stays incomplete in the copy (its readers warn as the input's did), and so
     * does a copy stopped by a signal. An Arrow copy's buffers are LZ4-compressed when lz4.
     */
    static long copy(TraceReader r, Path path, boolean lz4, StopOnSignal stop) throws java.io.IOException {
        try (TraceWriter w = TraceFiles.create(path, r.metadata(), io.ccatrace.trace.ArrowWrite.DEFAULT.withLz4(lz4))) {
            long n = stop.copy(r, w);
            if (!r.complete()) w.abandon();
            return n;
        }
    }
}
