package io.ccatrace.model.scenario;

import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.guestos.GuestMisbehaviour;
import io.ccatrace.model.guestos.GuestEvents;
import io.ccatrace.model.guestos.GuestOs;
import io.ccatrace.model.host.Delegations;
import io.ccatrace.model.host.GranulePool;
import io.ccatrace.model.host.HostPolicy;
import io.ccatrace.model.host.HostRealm;
import io.ccatrace.model.host.HostRmi;
import io.ccatrace.model.host.HostStage2;
import io.ccatrace.model.host.HostileHost;
import io.ccatrace.model.host.RealmLayout;
import io.ccatrace.model.host.Vcpu;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One recording session of a scenario: builds the machine, the host (a VMM per realm plus,
 * for host-fuzz, a hostile process), the realms' software, and the scheduler, all from one
 * seeded random source; {@link #run} drives it until every realm is torn down. Listeners
 * (a recorder) attach to {@link #machine()} before running.
 */
public final class ScenarioRun {
    /** RAM of each realm. */
    public static final long REALM_RAM = 8L << 20;
    private static final long HOST_RESERVED = 16L << 20;
    private static final int HOSTILE_PAGES = 256;

    private final ScenarioOptions options;
    private final Machine machine;
    private final HostRmi rmi;
    private final Delegations delegations;
    private final Scheduler scheduler;
    private final EventBudget budget;
    private final List<HostRealm> realms = new ArrayList<>();
    private HostileHost hostile;

    public ScenarioRun(ScenarioOptions options) {
        this.options = options;
        this.machine = new Machine(machineConfig(options));
        SplittableRandom root = new SplittableRandom(options.seed());
        this.scheduler = new Scheduler(root.split(), options.cpuCount());
        this.rmi = new HostRmi(machine);
        long dramBase = MachineConfig.DEFAULT_DRAM_BASE;
        long dramSize = machine.config().dram().get(0).size();
        long poolBase = dramBase + HOST_RESERVED;
        long hostileBase = dramBase + dramSize - HOSTILE_PAGES * 4096L;
        GranulePool pool = new GranulePool(poolBase, hostileBase - poolBase);
        this.delegations = new Delegations(rmi, pool);
        this.budget = new EventBudget(machine.bus(), options.events(), this::teardownEstimate);
        Set<HostPolicy.Misbehaviour> hostBad = EnumSet.noneOf(HostPolicy.Misbehaviour.class);
        Set<GuestMisbehaviour> guestBad = EnumSet.noneOf(GuestMisbehaviour.class);
        List<Injection> all = new ArrayList<>(options.scenario().injections());
        all.addAll(options.injections());
        for (Injection i : all) {
            if (i.host() != null) hostBad.add(i.host());
            if (i.guest() != null) guestBad.add(i.guest());
        }
        HostPolicy policy = new HostPolicy(hostBad, budget::armed);
        GuestEvents guestEvents = new GuestEvents();
        if (options.realmCount() > 0) machine.addListener(guestEvents);
        for (int id = 0; id < options.realmCount(); id++) {
            SplittableRandom hostRng = root.split();
            SplittableRandom guestRng = root.split();
            RealmLayout layout = RealmLayout.standard(REALM_RAM);
            GuestOs guest = new GuestOs(machine, id, layout, options.vcpuCount(),
                    options.scenario().mix(), budget, guestBad, guestRng, guestEvents);
            byte[] rpv = new byte[64];
            hostRng.nextBytes(rpv);
            HostRealm.Spec spec = new HostRealm.Spec(id, options.vcpuCount(), layout, id + 1, rpv);
            HostRealm realm = new HostRealm(spec, rmi, delegations, pool, policy, guest,
                    machine.config().gicNumLrs(), hostRng);
            realms.add(realm);
        }
        SplittableRandom hostileRng = root.split();
        if (options.scenario().hostile()) {
            hostile = new HostileHost(rmi, realms, hostileRng, hostileBase, HOSTILE_PAGES,
                    () -> budget.open(hostile.actions()) && anyRunning());
        }
    }

    /** The machine shape for these options: enough DRAM for every realm's RAM and tables. */
    public static MachineConfig machineConfig(ScenarioOptions o) {
        long need = HOST_RESERVED + o.realmCount() * (REALM_RAM + (4L << 20)) + (16L << 20);
        long dram = Math.max(MachineConfig.DEFAULT_DRAM_SIZE, Long.highestOneBit(need - 1) << 1);
        return MachineConfig.defaults()
                .withDram(List.of(new DramBank(MachineConfig.DEFAULT_DRAM_BASE, dram, Pas.NS)))
                .withCpus(o.cpuCount())
                .withSeed(o.seed())
                .withRmmModel(o.rmm());
    }

    public Machine machine() {
        return machine;
    }

    public ScenarioOptions options() {
        return options;
    }

    /** Runs the scenario to its end; returns what happened to each realm. */
    public Result run(Progress progress) {
        rmi.onCpu(0);
        rmi.version(0x10000);
        rmi.features(0);
        for (HostRealm r : realms) {
            scheduler.add(r.vmmThread());
            for (int v = 0; v < options.vcpuCount(); v++) scheduler.add(new LateVcpu(r, v));
        }
        if (hostile != null) scheduler.add(hostile);
        long limit = Math.max(20_000_000L, options.events() * 20);
        long steps = 0;
        long nextReport = 0;
        while (scheduler.step()) {
            if (++steps > limit) {
                throw new IllegalStateException("scenario did not finish after " + steps + " host steps");
            }
            long events = machine.bus().peekSeq();
            if (events >= nextReport) {
                progress.update(events, options.events());
                nextReport = events + 65_536;
            }
        }
        progress.update(machine.bus().peekSeq(), options.events());
        List<RealmOutcome> outcomes = new ArrayList<>();
        for (HostRealm r : realms) {
            outcomes.add(new RealmOutcome(r.id(), r.rd(), r.stopReason()));
        }
        return new Result(machine.bus().peekSeq(), outcomes, delegations.outstanding().size(),
                hostile == null ? 0 : hostile.actions());
    }

    /** What a run produced. */
    public record Result(long events, List<RealmOutcome> realms, int granulesLeftDelegated,
                         long hostileActions) {
    }

    /** How one realm ended. */
    public record RealmOutcome(int id, long rd, String stopReason) {
    }

    private boolean anyRunning() {
        for (HostRealm r : realms) {
            if (!r.finished()) return true;
        }
        return false;
    }

    /** Events still to come from shutting down and tearing down the live realms. */
    private long teardownEstimate() {
        long n = 0;
        for (HostRealm r : realms) {
            if (r.finished()) continue;
            HostStage2 s2 = r.stage2();
            n += 400 + 60L * options.vcpuCount();
            if (s2 != null) n += 7L * s2.dataPages() + 3L * s2.sharedPages() + 8L * s2.tableCount();
        }
        return n;
    }

    /** A realm's vCPU thread, known once construction has created its REC. */
    private static final class LateVcpu implements io.ccatrace.model.host.HostThread {
        private final HostRealm realm;
        private final int index;

        LateVcpu(HostRealm realm, int index) {
            this.realm = realm;
            this.index = index;
        }

        /** Found once the REC exists (the realm's vCPU list only grows). */
        private Vcpu vcpu;

        private Vcpu vcpu() {
            if (vcpu == null && index < realm.vcpus().size()) vcpu = realm.vcpus().get(index);
            return vcpu;
        }

        public boolean ready() {
            Vcpu v = vcpu();
            return v != null && v.ready();
        }

        public void step(int cpu) {
            vcpu().step(cpu);
        }

        public boolean finished() {
            return realm.finished();
        }
    }
}
