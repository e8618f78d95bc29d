package io.ccatrace.cli;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.model.script.Script;
import io.ccatrace.model.script.ScriptException;
import io.ccatrace.model.script.ScriptParser;
import io.ccatrace.model.script.ScriptRunner;
import io.ccatrace.recorder.Recorder;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceFormat;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        Script parsed;
        try {
            parsed = new ScriptParser(rmm).parse(new String(source, StandardCharsets.UTF_8));
        } catch (ScriptException e) {
            throw new UserException(script + ": " + e.getMessage());
        }
        long[] counts = new long[2];
        try (Recorder recorder = new Recorder(TraceFiles.create(output, metadata(parsed, source)))) {
            Machine m = ScriptRunner.build(parsed);
            m.addListener(recorder);
            m.addListener(e -> {
                counts[0]++;
                if (e.kind() == ModelEvent.Kind.RMI_CALL) counts[1]++;
            });
            ScriptRunner.run(m, parsed);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(output);
            throw e;
        }
        spec.commandLine().getOut().println(output + ": " + counts[0] + " events ("
                + counts[1] + " RMI calls) from " + parsed.actions().size() + " actions");
        return ExitCodes.OK;
    }

    private TraceMetadata metadata(Script s, byte[] source) {
        return TraceMetadata.empty()
                .with(TraceMetadata.RMM_MODEL, s.machine().rmmModel())
                .with(TraceMetadata.MACHINE, MachineJson.toJson(s.machine()))
                .with(TraceMetadata.SCRIPT, String.valueOf(script.getFileName()))
                .with(TraceMetadata.SCRIPT_SHA256, sha256(source))
                .with(TraceMetadata.SEED, Long.toUnsignedString(s.machine().seed()))
                .with(TraceMetadata.SIMULATOR_VERSION, Ccatrace.VERSION);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UserException(p + ": cannot read script (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
