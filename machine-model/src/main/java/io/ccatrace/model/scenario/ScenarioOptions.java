package io.ccatrace.model.scenario;

import java.util.List;

/**
 * What to record: scenario, RMM model, seed, machine shape (0 = the scenario's default),
 * approximate event count (0 = the scenario's natural length) and extra injections.
 */
public record ScenarioOptions(Scenario scenario, String rmm, long seed, int realms, int vcpus,
                              int cpus, long events, List<Injection> injections) {
    public ScenarioOptions {
        injections = List.copyOf(injections);
        if (realms < 0 || vcpus < 0 || cpus < 0 || events < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (vcpus > 16) throw new IllegalArgumentException("--vcpus: at most 16");
    }

    public static ScenarioOptions of(Scenario s) {
        return new ScenarioOptions(s, "1.0", 0, 0, 0, 0, 0, List.of());
    }

    public ScenarioOptions withSeed(long s) {
        return new ScenarioOptions(scenario, rmm, s, realms, vcpus, cpus, events, injections);
    }

    public ScenarioOptions withEvents(long n) {
        return new ScenarioOptions(scenario, rmm, seed, realms, vcpus, cpus, n, injections);
    }

    public ScenarioOptions withShape(int r, int v, int p) {
        return new ScenarioOptions(scenario, rmm, seed, r, v, p, events, injections);
    }

    public int realmCount() { return realms > 0 ? realms : scenario.defaultRealms(); }
    public int vcpuCount() { return vcpus > 0 ? vcpus : scenario.defaultVcpus(); }
    public int cpuCount() { return cpus > 0 ? cpus : scenario.defaultCpus(); }
}
