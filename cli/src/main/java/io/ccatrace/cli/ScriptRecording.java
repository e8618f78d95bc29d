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
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Runs an action script on the machine its first line describes (or that machine on another
 * RMM model) and records every event. The trace keeps the script's name, SHA-256 and text, so
 * `diff --against` can run the same script, with the same seed, on another model.
 */
final class ScriptRecording {
    /** Events and RMI calls recorded, actions run. */
    record Result(long events, long rmiCalls, int actions) {
    }

    private ScriptRecording() {
    }

    /** Parses a script; rmm (when non-null) replaces its machine's model. One-line errors. */
    static Script parse(String name, byte[] source, String rmm) {
        try {
            return new ScriptParser(rmm).parse(new String(source, StandardCharsets.UTF_8));
        } catch (ScriptException e) {
            throw new UserException(name + ": " + e.getMessage());
        }
    }

    /**
     * Runs parsed (whose text is source) and records it to output. A run that fails part-way
     * (a fault of ccatrace: the script was checked whole before) keeps the events recorded so
     * far, marked incomplete; output is deleted only when it could not be written at all.
     */
    static Result record(Script parsed, String name, byte[] source, Path output) throws IOException {
        long[] counts = new long[2];
        Recorder recorder;
        try {
            recorder = new Recorder(TraceFiles.create(output, metadata(parsed, name, source)));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(output);
            throw e;
        }
        try (recorder) {
            Machine m = ScriptRunner.build(parsed);
            m.addListener(recorder);
            m.addListener(e -> {
                counts[0]++;
                if (e.kind() == ModelEvent.Kind.RMI_CALL) counts[1]++;
            });
            try {
                ScriptRunner.run(m, parsed);
            } catch (RuntimeException e) {
                keepIncomplete(recorder, e);
                throw ModelBroke.of(output, e);
            } catch (Error e) {
                keepIncomplete(recorder, e);
                throw e;
            }
        }
        return new Result(counts[0], counts[1], parsed.actions().size());
    }

    /** Ends a recording that failed part-way as an incomplete trace; a failure to do so is added to e. */
    static void keepIncomplete(Recorder recorder, Throwable e) {
        try {
            recorder.abandon();
        } catch (IOException | RuntimeException again) {
            e.addSuppressed(again);
        }
    }

    private static TraceMetadata metadata(Script s, String name, byte[] source) {
        return TraceMetadata.empty()
                .with(TraceMetadata.RMM_MODEL, s.machine().rmmModel())
                .with(TraceMetadata.MACHINE, MachineJson.toJson(s.machine()))
                .with(TraceMetadata.SCRIPT, name)
                .with(TraceMetadata.SCRIPT_SHA256, sha256(source))
                .with(TraceMetadata.SCRIPT_SOURCE, new String(source, StandardCharsets.UTF_8))
                .with(TraceMetadata.SEED, Long.toUnsignedString(s.machine().seed()))
                .with(TraceMetadata.SIMULATOR_VERSION, Ccatrace.VERSION);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
