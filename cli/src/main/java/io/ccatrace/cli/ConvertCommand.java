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
@Command(mixinStandardHelpOptions = true, name = "convert", description = "Convert a trace between .arrows, .parquet and .jsonl (by extension).")
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
        try (TraceReader r = TraceFiles.openEvents(in, Warnings.to(err))) {
            // only a half-written output is deleted: an input that cannot be opened leaves OUT as it was
            try {
                copy(r, out, lz4);
            } catch (java.io.IOException | RuntimeException e) {
                Files.deleteIfExists(out);
                throw e;
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Copies every event of r to a new trace at path, keeping r's metadata; a recording that
     * did not finish stays incomplete in the copy (its readers warn as the input's did). An Arrow
     * copy's buffers are LZ4-compressed when lz4.
     */
    static long copy(TraceReader r, Path path, boolean lz4) throws java.io.IOException {
        long n = 0;
        try (TraceWriter w = TraceFiles.create(path, r.metadata(), io.ccatrace.trace.ArrowWrite.DEFAULT.withLz4(lz4))) {
            while (r.hasNext()) {
                w.write(r.next());
                n++;
            }
            if (!r.complete()) w.abandon();
        }
        return n;
    }
}
