package io.ccatrace.cli;

import io.ccatrace.replay.checkpoint.CheckpointBuilder;
import io.ccatrace.replay.input.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `ccatrace checkpoint`: periodic state snapshots beside a trace, for fast `state` queries. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Write TRACE.ckpt: the machine state as `ccatrace state` rebuilds it, every N"
                + " events, so that `state --at SEQ` reads only the events after the last"
                + " checkpoint at or before SEQ (docs/replay.md). The trace's integrity chain is"
                + " verified on the way; a trace that fails it gets no checkpoints.",
                "Exit 0: written; 2: bad input."})
public final class CheckpointCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE")
    Path trace;

    @Option(names = "--every", paramLabel = "N", converter = Numbers.class,
            description = "events between checkpoints (default ${DEFAULT-VALUE})")
    long every = CheckpointBuilder.DEFAULT_EVERY;

    @Override
    public Integer call() throws IOException {
        Numbers.positiveCount("--every", every);
        PrintWriter out = spec.commandLine().getOut();
        try {
            CheckpointBuilder.Result r = CheckpointBuilder.build(trace, every,
                    Warnings.to(spec));
            out.println(wrote(r, every));
        } catch (BadInputException e) {
            throw new UserException(trace + ": " + e.getMessage());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The one-line report of a checkpoint pass. */
    static String wrote(CheckpointBuilder.Result r, long every) {
        return "wrote " + r.checkpoints() + " checkpoint" + (r.checkpoints() == 1 ? "" : "s")
                + " (every " + every + " events of " + r.events() + ") to " + r.file() + " ("
                + r.bytes() + " bytes)";
    }
}
