package io.ccatrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** ccatrace bench: rerunnable benchmarks whose figures go to docs/performance.md. */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Run a benchmark.", subcommands = {BenchTraceCommand.class, BenchReplayCommand.class, BenchStateCommand.class, BenchRecordCommand.class,
        BenchAnalyzeCommand.class, BenchAbCommand.class, BenchBoxCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
