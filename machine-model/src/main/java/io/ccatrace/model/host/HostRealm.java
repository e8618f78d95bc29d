package io.ccatrace.model.host;

import io.ccatrace.model.host.HostPolicy.Misbehaviour;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One realm VM as a KVM/kvmtool host runs it: a VMM thread that builds the realm
 * ({@link RealmConstruction}) and later tears it down ({@link RealmTeardown}), and one
 * {@link Vcpu} thread per REC while it runs.
 */
public final class HostRealm {
    /** Where the VM is in its life. */
    public enum Phase { BUILD, RUN, TEARDOWN, DONE }

    /** Construction parameters. */
    public record Spec(int id, int vcpus, RealmLayout layout, int vmid, byte[] rpv) {
    }

    private final Spec spec;
    private final HostRmi rmi;
    private final Delegations delegations;
    private final GranulePool pool;
    private final HostPolicy policy;
    private final GuestHook guest;
    private final int numLrs;
    private final SplittableRandom rng;
    private final MmioDevices devices;
    private final ExitHandler exits;
    private final ArrayDeque<Runnable> plan = new ArrayDeque<>();
    private final List<Vcpu> vcpus = new ArrayList<>();
    private final List<Long> hostPages = new ArrayList<>();
    /** RECs created after activation (HostMischief): the REC PA, then its aux granules. */
    private final List<long[]> extraRecs = new ArrayList<>();
    private Phase phase = Phase.BUILD;
    private String stopReason;
    private long rd;
    private HostStage2 stage2;
    private long rttBase;
    private int rttCount;
    boolean destroyedRam;
    boolean skippedPsci;
    boolean injectedBadMmio;

    public HostRealm(Spec spec, HostRmi rmi, Delegations delegations, GranulePool pool,
                     HostPolicy policy, GuestHook guest, int numLrs, SplittableRandom rng) {
        this.spec = spec;
        this.rmi = rmi;
        this.delegations = delegations;
        this.pool = pool;
        this.policy = policy;
        this.guest = guest;
        this.numLrs = numLrs;
        this.rng = rng;
        this.devices = new MmioDevices(spec.layout());
        this.exits = new ExitHandler(this);
        new RealmConstruction(this).plan(plan);
    }

    /** The VMM thread: construction, then (after the realm stops) teardown. */
    public HostThread vmmThread() {
        return new HostThread() {
            public boolean ready() {
                return (phase == Phase.BUILD || phase == Phase.TEARDOWN) && !plan.isEmpty();
            }

            public void step(int cpu) {
                rmi.onCpu(cpu);
                plan.pollFirst().run();
                if (plan.isEmpty() && phase == Phase.TEARDOWN) phase = Phase.DONE;
            }

            public boolean finished() {
                return phase == Phase.DONE;
            }
        };
    }

    /** Stops the realm (it turned itself off, or the host gave up) and plans the teardown. */
    public void stop(String reason) {
        if (phase == Phase.TEARDOWN || phase == Phase.DONE) return;
        stopReason = reason;
        phase = Phase.TEARDOWN;
        plan.clear();
        new RealmTeardown(this, policy.has(Misbehaviour.LEAK_GRANULE),
                policy.has(Misbehaviour.PEEK_FREED)).plan(plan);
    }

    /** Construction finished: the vCPU threads may run. */
    void activated() {
        phase = Phase.RUN;
    }

    void created(long rdPa, int startLevel) {
        this.rd = rdPa;
        this.stage2 = new HostStage2(rmi, delegations, pool, rdPa, startLevel);
    }

    void startingTables(long base, int count) {
        this.rttBase = base;
        this.rttCount = count;
    }

    long startingTableBase() { return rttBase; }
    int startingTableCount() { return rttCount; }

    Vcpu addVcpu(int index, long rec, long[] aux, long runPage, boolean on) {
        RecRun run = new RecRun(runPage, rmi, numLrs);
        run.clear();
        Vcpu v = new Vcpu(this, index, rec, aux, run, new Vgic(numLrs), on);
        vcpus.add(v);
        guest.bind(index, rec);
        return v;
    }

    /** The vCPU whose REC has this RmiRecMpidr, or null. */
    Vcpu vcpuByMpidr(long mpidr) {
        int idx = (int) ((mpidr & 0xF) | ((mpidr >> 4) & 0xFF0) | ((mpidr >> 4) & 0xFF000)
                | ((mpidr >> 4) & 0xFF00000));
        return idx < vcpus.size() ? vcpus.get(idx) : null;
    }

    /** An NS page the VMM keeps for itself (params, staging, RecRun); freed at the end. */
    long hostPage() {
        long pa = pool.alloc();
        hostPages.add(pa);
        return pa;
    }

    List<Long> hostPages() { return hostPages; }

    List<long[]> extraRecs() { return extraRecs; }

    /** The first NS page this VMM used (its RealmParams page), or fallback when none. */
    long hostPageOr(long fallback) {
        return hostPages.isEmpty() ? fallback : hostPages.get(0);
    }

    public Spec spec() { return spec; }
    public int id() { return spec.id(); }
    public RealmLayout layout() { return spec.layout(); }
    public HostRmi rmi() { return rmi; }
    public Delegations delegations() { return delegations; }
    public GranulePool pool() { return pool; }
    public HostPolicy policy() { return policy; }
    public GuestHook guest() { return guest; }
    SplittableRandom rng() { return rng; }
    public MmioDevices devices() { return devices; }
    ExitHandler exits() { return exits; }
    public HostStage2 stage2() { return stage2; }
    public long rd() { return rd; }
    public List<Vcpu> vcpus() { return vcpus; }
    public Phase phase() { return phase; }
    public boolean running() { return phase == Phase.RUN; }
    public boolean finished() { return phase == Phase.DONE; }
    /** Why the realm stopped, or null while it has not. */
    public String stopReason() { return stopReason; }
}
