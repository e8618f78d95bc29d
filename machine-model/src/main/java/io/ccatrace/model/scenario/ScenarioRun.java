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
    /**
     * The realms not finished yet, in creation order (pruned as they finish): what the
     * per-step checks scan, so a run that relaunched hundreds of realms does not walk the dead.
     */
    private final List<HostRealm> live = new ArrayList<>();
    private final GranulePool pool;
    private final HostPolicy policy;
    private final Set<GuestMisbehaviour> guestBad;
    private final GuestEvents guestEvents;
    private HostileHost hostile;
    /** With a hostile host and --events: the source of relaunched realms' randomness (split after every other). */
    private SplittableRandom relaunchRng;
    private int relaunched;

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
        this.pool = new GranulePool(poolBase, hostileBase - poolBase);
        this.delegations = new Delegations(rmi, pool);
        this.budget = new EventBudget(machine.bus(), options.events(), this::teardownEstimate);
        Set<HostPolicy.Misbehaviour> hostBad = EnumSet.noneOf(HostPolicy.Misbehaviour.class);
        this.guestBad = EnumSet.noneOf(GuestMisbehaviour.class);
        List<Injection> all = new ArrayList<>(options.scenario().injections());
        all.addAll(options.injections());
        for (Injection i : all) {
            if (i.host() != null) hostBad.add(i.host());
            if (i.guest() != null) guestBad.add(i.guest());
        }
        this.policy = new HostPolicy(hostBad, budget::armed);
        this.guestEvents = new GuestEvents();
        if (options.realmCount() > 0) machine.addListener(guestEvents);
        for (int id = 0; id < options.realmCount(); id++) {
            SplittableRandom hostRng = root.split();
            realms.add(newRealm(id, hostRng, root.split()));
        }
        live.addAll(realms);
        SplittableRandom hostileRng = root.split();
        if (options.scenario().hostile()) {
            hostile = new HostileHost(rmi, realms, hostileRng, hostileBase, HOSTILE_PAGES,
                    () -> budget.open(hostile.actions()) && anyRunning());
            if (options.events() > 0) relaunchRng = root.split();
        }
    }

    /** Realm id's VMM and guest, from their own random sources. */
    private HostRealm newRealm(int id, SplittableRandom hostRng, SplittableRandom guestRng) {
        RealmLayout layout = RealmLayout.standard(REALM_RAM);
        GuestOs guest = new GuestOs(machine, id, layout, options.vcpuCount(),
                options.scenario().mix(), budget, guestBad, guestRng, guestEvents);
        byte[] rpv = new byte[64];
        hostRng.nextBytes(rpv);
        HostRealm.Spec spec = new HostRealm.Spec(id, options.vcpuCount(), layout, id + 1, rpv);
        return new HostRealm(spec, rmi, delegations, pool, policy, guest, machine.config().gicNumLrs(), hostRng);
    }

    /** Adds realm r's VMM and vCPU threads to the scheduler. */
    private void schedule(HostRealm r) {
        scheduler.add(r.vmmThread());
        for (int v = 0; v < options.vcpuCount(); v++) scheduler.add(new LateVcpu(r, v));
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
        for (HostRealm r : realms) schedule(r);
        if (hostile != null) scheduler.add(hostile);
        if (relaunchRng != null) scheduler.add(new Relaunch());
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
                hostile == null ? 0 : hostile.actions(), relaunched);
    }

    /**
     * What a run produced.
     *
     * @param relaunched realms a VMM started in place of one the hostile host killed (their
     *                   outcomes follow the first realms')
     */
    public record Result(long events, List<RealmOutcome> realms, int granulesLeftDelegated,
                         long hostileActions, int relaunched) {
    }

    /** How one realm ended. */
    public record RealmOutcome(int id, long rd, String stopReason) {
    }

    private boolean anyRunning() {
        return !liveRealms().isEmpty();
    }

    /** {@link #live}, without the realms that finished since it was last asked. */
    private List<HostRealm> liveRealms() {
        live.removeIf(HostRealm::finished);
        return live;
    }

    /**
     * Host-fuzz with --events: a VMM whose realm the hostile process killed (a REC destroyed
     * under it, its tables taken) starts a new realm in its place, as a cloud host relaunches
     * a VM, so the recording reaches about the events asked for; without this every realm of
     * most seeds was dead after ~50,000 events and the recording ended there whatever --events
     * said. A relaunch happens while fewer realms than --realms live, the budget has room for
     * a realm's life ({@link #RELAUNCH_ROOM}), its VMID (id + 1) fits the machine's VMID width
     * and the host's pool holds a realm's memory. The relaunched realm has the next id, a new
     * RD and VMID, and its own random sources.
     */
    private final class Relaunch implements io.ccatrace.model.host.HostThread {
        @Override
        public boolean ready() {
            return liveRealms().size() < options.realmCount()
                    && machine.bus().peekSeq() + teardownEstimate() + RELAUNCH_ROOM < options.events()
                    && realms.size() + 1 < 1L << machine.config().vmidBits()
                    && pool.available() >= (REALM_RAM + (4L << 20)) / 4096;
        }

        @Override
        public void step(int cpu) {
            scheduler.removeFinished();
            HostRealm r = newRealm(realms.size(), relaunchRng.split(), relaunchRng.split());
            realms.add(r);
            live.add(r);
            relaunched++;
            schedule(r);
        }

        @Override
        public boolean finished() {
            return !ready();
        }
    }

    /** Events a relaunched realm needs to be built, do some work and be torn down. */
    static final long RELAUNCH_ROOM = 5_000;

    /** Events still to come from shutting down and tearing down the live realms. */
    private long teardownEstimate() {
        long n = 0;
        for (HostRealm r : liveRealms()) {
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
