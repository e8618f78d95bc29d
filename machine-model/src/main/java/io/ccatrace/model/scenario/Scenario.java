package io.ccatrace.model.scenario;

import io.ccatrace.model.guestos.WorkMix;
import java.util.List;

/**
 * The recordable scenarios: default machine shape, the realms' work mix, built-in
 * injections, and whether a hostile host acts alongside the correct one.
 */
public enum Scenario {
    BOOT("boot", "one realm's whole life: build, boot, attestation, SMP, light work, SYSTEM_OFF, teardown",
            1, 2, 2, WorkMix.linuxIdle(), List.of(), false),
    MULTI_REALM("multi-realm", "several realms built, run and torn down concurrently on shared CPUs",
            4, 2, 4, WorkMix.linuxIdle(), List.of(), false),
    IO_STORM("io-storm", "sustained virtio I/O and DMA buffer sharing: RIPAS churn, shared aliases mapped and unmapped",
            1, 2, 2, WorkMix.ioStorm(), List.of(), false),
    CRASH_DESTROYED_RAM("crash-destroyed-ram", "host destroys a RAM page the realm uses; the vCPU cannot progress and is killed",
            1, 1, 1, WorkMix.memoryHeavy(), List.of(Injection.DESTROY_RAM), false),
    CRASH_EMPTY_ACCESS("crash-empty-access", "realm touches memory it never set to RAM: SEA, kernel panic, SYSTEM_RESET",
            1, 1, 1, WorkMix.memoryHeavy(), List.of(Injection.TOUCH_EMPTY), false),
    RIPAS_REJECT("ripas-reject", "host refuses to take shared DMA buffers back to RAM; the realm leaks them and carries on",
            1, 1, 1, WorkMix.ioStorm(), List.of(Injection.REJECT_RIPAS), false),
    HOST_FUZZ("host-fuzz", "hostile host: random and malicious RMI calls, NS accesses to realm memory, reuse of destroyed objects, beside valid realms",
            2, 2, 2, WorkMix.linuxIdle(), List.of(), true);

    private final String cliName;
    private final String description;
    private final int realms;
    private final int vcpus;
    private final int cpus;
    private final WorkMix mix;
    private final List<Injection> injections;
    private final boolean hostile;

    Scenario(String cliName, String description, int realms, int vcpus, int cpus, WorkMix mix,
             List<Injection> injections, boolean hostile) {
        this.cliName = cliName;
        this.description = description;
        this.realms = realms;
        this.vcpus = vcpus;
        this.cpus = cpus;
        this.mix = mix;
        this.injections = injections;
        this.hostile = hostile;
    }

    public static Scenario byName(String name) {
        for (Scenario s : values()) {
            if (s.cliName.equals(name)) return s;
        }
        return null;
    }

    public String cliName() { return cliName; }
    public String description() { return description; }
    public int defaultRealms() { return realms; }
    public int defaultVcpus() { return vcpus; }
    public int defaultCpus() { return cpus; }
    public WorkMix mix() { return mix; }
    public List<Injection> injections() { return injections; }
    public boolean hostile() { return hostile; }
}
