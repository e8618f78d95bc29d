package io.ccatrace.cli;

import io.ccatrace.trace.TraceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ccatrace run SCRIPT.jsonl -o OUT}: validates the whole action script, then runs it
 * on the machine it describes and records every event. A malformed script is reported as
 * {@code line N: ...} with exit code 2 before anything runs or any file is written.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an action script (JSONL, see the script contract) and record the trace.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "the action script (.jsonl)")
    Path script;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "trace to write; the format follows the extension (.jsonl, .arrows, .parquet)")
    Path output;

    @Option(names = "--rmm", paramLabel = "MODEL",
            description = "RMM model to run on, overriding the script's machine line")
    String rmm;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TraceFormat.of(output);
        byte[] source = read(script);
        String name = String.valueOf(script.getFileName());
        ScriptRecording.Result r = ScriptRecording.record(ScriptRecording.parse(script.toString(), source, rmm),
                name, source, output);
        spec.commandLine().getOut().println(output + ": " + r.events() + " events ("
                + r.rmiCalls() + " RMI calls) from " + r.actions() + " actions");
        return ExitCodes.OK;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : Files.isDirectory(p) ? "is a directory" : Ccatrace.ioMessage(e);
            throw new UserException(p + ": cannot read script (" + why + ")");
        }
    }
}
