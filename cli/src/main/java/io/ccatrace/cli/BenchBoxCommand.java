package io.ccatrace.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench box: how fast this machine is right now, apart from ccatrace's code
 * ({@link BoxProbe}). Run it beside another bench to tell a slow phase of a shared machine
 * from a slower build.
 */
@Command(mixinStandardHelpOptions = true, name = "box",
        description = "Probe this machine's speed right now (core, caches, memory), apart from ccatrace's code:"
                + " run it beside another bench to tell a slow phase of a shared machine from a slower build.")
public final class BenchBoxCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "1", description = "probe rounds, one line each (default 1)")
    int rounds;

    @Override
    public Integer call() {
        if (rounds <= 0) throw new UserException("--rounds must be positive");
        PrintWriter out = spec.commandLine().getOut();
        BoxProbe probe = new BoxProbe();
        for (int r = 0; r < rounds; r++) out.println("box: " + probe.line());
        out.flush();
        return 0;
    }
}
