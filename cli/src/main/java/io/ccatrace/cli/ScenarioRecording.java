package io.ccatrace.cli;

import io.ccatrace.model.rmi.RmmModels;
import io.ccatrace.model.scenario.Injection;
import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.recorder.Recorder;
import io.ccatrace.trace.ArrowWrite;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Records one scenario into a trace file: validates the user's choices (one-line errors),
 * fills the trace metadata (scenario, canonical options, seed, RMM model, machine) and
 * attaches a {@link Recorder} to the run.
 */
final class ScenarioRecording {
    /** Metadata key: the scenario options in canonical `ccatrace record` form. */
    static final String OPTIONS_KEY = "ccatrace.scenario_options";

    private ScenarioRecording() {
    }

    /** Options from command-line values; a UserException names what is wrong. */
    static ScenarioOptions options(String scenario, String rmm, long seed, int realms, int vcpus,
                                   int cpus, long events, List<String> inject) {
        Scenario s = Scenario.byName(scenario);
        if (s == null) {
            throw new UserException("--scenario: unknown scenario '" + scenario + "' (see ccatrace scenarios)");
        }
        if (RmmModels.byId(rmm) == null) throw new UserException("--rmm: unknown RMM model '" + rmm + "'");
        check(realms >= 0 && realms <= 256, "--realms: must be 1..256");
        check(vcpus >= 0 && vcpus <= 16, "--vcpus: must be 1..16");
        check(cpus >= 0 && cpus <= 64, "--cpus: must be 1..64");
        check(events >= 0, "--events: must not be negative");
        List<Injection> injections = new ArrayList<>();
        for (String spec : inject) {
            for (String name : spec.split(",")) {
                Injection i = Injection.byName(name.trim());
                if (i == null) throw new UserException("--inject: unknown injection '" + name.trim() + "' (see ccatrace scenarios)");
                if (!injections.contains(i)) injections.add(i);
            }
        }
        return new ScenarioOptions(s, rmm, seed, realms, vcpus, cpus, events, injections);
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new UserException(message);
    }

    /** The `ccatrace record` arguments that reproduce these options. */
    static String canonical(ScenarioOptions o) {
        StringBuilder sb = new StringBuilder("--scenario ").append(o.scenario().cliName())
                .append(" --rmm ").append(o.rmm())
                .append(" --seed ").append(o.seed())
                .append(" --realms ").append(o.realmCount())
                .append(" --vcpus ").append(o.vcpuCount())
                .append(" --cpus ").append(o.cpuCount());
        if (o.events() > 0) sb.append(" --events ").append(o.events());
        if (!o.injections().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Injection i : o.injections()) names.add(i.cliName());
            sb.append(" --inject ").append(String.join(",", names));
        }
        return sb.toString();
    }

    /** Runs the scenario, writing every event to out on this thread; returns the run's result. */
    static ScenarioRun.Result record(ScenarioOptions o, Path out, Progress progress) throws IOException {
        return record(o, out, false, written -> progress).result();
    }

    /**
     * Runs the scenario, writing every event to out, with writerThread on a writer thread of
     * the recorder's own (same bytes); progress is made from the count of events written so
     * far (-1 without a writer thread). Returns the run's result and the recorder (closed).
     */
    static Recorded record(ScenarioOptions o, Path out, boolean writerThread,
                           Function<LongSupplier, Progress> progress) throws IOException {
        return record(o, out, writerThread, ArrowWrite.DEFAULT, progress);
    }

    /** As above; an Arrow trace is written as how says. */
    static Recorded record(ScenarioOptions o, Path out, boolean writerThread, ArrowWrite how,
                           Function<LongSupplier, Progress> progress) throws IOException {
        ScenarioRun run = new ScenarioRun(o);
        TraceMetadata meta = TraceMetadata.empty()
                .with(TraceMetadata.SCENARIO, o.scenario().cliName())
                .with(OPTIONS_KEY, canonical(o))
                .with(TraceMetadata.SEED, Long.toString(o.seed()))
                .with(TraceMetadata.RMM_MODEL, o.rmm())
                .with(TraceMetadata.MACHINE, MachineJson.toJson(run.machine().config()))
                .with(TraceMetadata.SIMULATOR_VERSION, Ccatrace.VERSION);
        Recorder recorder = new Recorder(TraceFiles.create(out, meta, how), writerThread);
        ScenarioRun.Result r;
        try (recorder) {
            run.machine().addListener(recorder);
            try {
                r = run.run(progress.apply(recorder::written));
            } catch (RuntimeException e) {
                ScriptRecording.keepIncomplete(recorder, e);
                throw ModelBroke.of(out, e);
            } catch (Error e) {
                ScriptRecording.keepIncomplete(recorder, e);
                throw e;
            }
        }
        return new Recorded(r, recorder);
    }

    /** A finished recording: the run's result and its (closed) recorder. */
    record Recorded(ScenarioRun.Result result, Recorder recorder) {
    }

    /** The options of a trace's ccatrace.scenario_options (canonical form), with --rmm replaced by against. */
    static ScenarioOptions parseCanonical(String canonical, String against, String where) {
        String[] w = canonical.trim().split("\\s+");
        String scenario = null;
        long seed = 0;
        long events = 0;
        int realms = 0;
        int vcpus = 0;
        int cpus = 0;
        List<String> inject = new ArrayList<>();
        try {
            for (int i = 0; i + 1 < w.length; i += 2) {
                switch (w[i]) {
                    case "--scenario": scenario = w[i + 1]; break;
                    case "--seed": seed = Long.parseLong(w[i + 1]); break;
                    case "--events": events = Long.parseLong(w[i + 1]); break;
                    case "--realms": realms = Integer.parseInt(w[i + 1]); break;
                    case "--vcpus": vcpus = Integer.parseInt(w[i + 1]); break;
                    case "--cpus": cpus = Integer.parseInt(w[i + 1]); break;
                    case "--inject": inject.add(w[i + 1]); break;
                    default: break;
                }
            }
        } catch (NumberFormatException e) {
            throw new UserException(where + ": bad " + OPTIONS_KEY + " \"" + canonical + "\"");
        }
        if (scenario == null) throw new UserException(where + ": " + OPTIONS_KEY + " names no scenario");
        return options(scenario, against, seed, realms, vcpus, cpus, events, inject);
    }
}
