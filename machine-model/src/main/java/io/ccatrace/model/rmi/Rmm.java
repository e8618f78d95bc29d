package io.ccatrace.model.rmi;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.El3Monitor;
import io.ccatrace.model.gpt.Gpt;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.granule.GranuleTable;
import io.ccatrace.model.guest.GuestQueues;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.measurement.Measurements;
import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmLifecycle;
import io.ccatrace.model.realm.Vmids;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecLifecycle;
import io.ccatrace.model.rtt.RttEntries;

/**
 * The Realm Management Monitor: decodes RMI SMCs through the model's command table and
 * gives command handlers the machine state they act on. Every call becomes one RMI_CALL
 * event (published before the effects it caused).
 */
public final class Rmm {
    /** x0 for a function number with no command (SMC_UNKNOWN, reference 1.1). */
    public static final long SMC_UNKNOWN = -1L;
    private static final long SVE_HINT = 1L << 16;
    /** Simulated cost of one RMI call, ns. */
    private static final long CALL_NS = 100;
    private static final long[] NO_OUTPUT = new long[0];

    private final MachineConfig config;
    private final RmmModel model;
    private final EventBus bus;
    private final PhysicalMemory memory;
    private final Gpt gpt;
    private final El3Monitor el3;
    private final GranuleTable granules;
    private final RttEntries rtts;
    private final RealmLifecycle realms;
    private final RecLifecycle recs;
    private final Measurements measurements;
    private final GuestQueues guest = new GuestQueues();
    private final Vmids vmids;

    public Rmm(MachineConfig config, RmmModel model, EventBus bus, PhysicalMemory memory,
               Gpt gpt, El3Monitor el3) {
        this.config = config;
        this.model = model;
        this.bus = bus;
        this.memory = memory;
        this.gpt = gpt;
        this.el3 = el3;
        this.granules = new GranuleTable(memory, gpt, bus);
        granules.setScrubOnDelegated(!model.has(Quirk.BUG_NO_SCRUB));
        this.rtts = new RttEntries(bus);
        this.realms = new RealmLifecycle(bus);
        this.recs = new RecLifecycle(bus);
        this.measurements = new Measurements(bus);
        this.vmids = new Vmids(config.vmidBits());
    }

    /**
     * The function a host x0 names: W0 (SMCCC passes the function id in W0, and TF-RMM's
     * handle_ns_smc takes it as an unsigned int, so the upper half of x0 is ignored) without
     * the SVE hint, bit 16 (reference 1.1). The RMI_CALL event keeps x0 as issued.
     */
    static long functionId(long x0) {
        return x0 & 0xFFFF_FFFFL & ~SVE_HINT;
    }

    /**
     * Handles one RMI SMC from the host on `cpu`. Returns x0..xN as the host sees them
     * (x0 = status | index << 8, or SMC_UNKNOWN).
     */
    public long[] call(int cpu, long fid, long[] args) {
        long seq = bus.beginInput();
        long now = bus.now();
        bus.advance(CALL_NS);
        CommandTable.Entry e = model.table().lookup(functionId(fid));
        long[] argsSeen = args.clone();     // the event's copy; handlers only read their args
        long[] regs;
        String name;
        String status;
        int index;
        long[] out;
        if (e == null) {
            name = "UNKNOWN";
            status = "SMC_UNKNOWN";
            index = 0;
            out = NO_OUTPUT;
            regs = new long[] {SMC_UNKNOWN};
        } else {
            int n = e.argCount();
            RmiResult r;
            try {
                r = e.handler().execute(this, argsSeen.length >= n ? argsSeen : java.util.Arrays.copyOf(argsSeen, n), cpu);
            } catch (RuntimeException broken) { // no RMI call runs inside another (beginInput refuses it)
                throw new ModelFailure(seq, e.name(), argsSeen, cpu, model, broken);
            }
            name = e.name();
            status = r.status().name();
            index = r.index();
            out = r.out().length == 0 ? NO_OUTPUT : r.out().clone();
            regs = new long[1 + out.length];
            regs[0] = r.x0();
            System.arraycopy(out, 0, regs, 1, out.length);
        }
        bus.endInput(new ModelEvent.RmiCall(seq, now, cpu, fid, name, argsSeen, status, index, out));
        return regs;
    }

    /**
     * The RMM reads a host buffer of len bytes at pa (inside one granule). Returns null and
     * records a GPF when the granule is not in the NS PAS or not DRAM (spec `*_pas`).
     */
    public byte[] readNs(int cpu, long pa, int len) {
        if (!nsAccessible(cpu, pa, "READ")) return null;
        return memory.read(pa, len);
    }

    /** The RMM writes a host buffer; false (and a GPF event) when the granule is not NS. */
    public boolean writeNs(int cpu, long pa, byte[] bytes) {
        if (!nsAccessible(cpu, pa, "WRITE")) return false;
        memory.write(pa, bytes);
        return true;
    }

    /**
     * Whether the RMM may access the host buffer at pa; false, with a GPF event, when the
     * granule is not in the NS PAS or not DRAM (spec `*_pas`). For callers that then read or
     * write memory() in place instead of copying through {@link #readNs}/{@link #writeNs}.
     */
    public boolean nsAccess(int cpu, long pa, boolean write) {
        return nsAccessible(cpu, pa, write ? "WRITE" : "READ");
    }

    private boolean nsAccessible(int cpu, long pa, String access) {
        int bank = memory.bankOf(pa);       // the GPT shares the machine's bank list
        if (bank < 0) return false;
        Pas pas = gpt.pasOf(bank, pa);
        if (pas == Pas.NS) return true;
        bus.emit(new ModelEvent.Gpf(bus.seq(), bus.now(), bus.cause(), cpu, pa, pas.name(), access));
        return false;
    }

    /** The realm whose RD is at rd, or null if rd is not a valid granule in state RD. */
    public Realm realmAt(long rd) {
        if (!granules.is(rd, GranuleState.RD)) return null;
        return (Realm) granules.get(rd).content();
    }

    /** The REC at pa, or null if pa is not a valid granule in state REC. */
    public Rec recAt(long pa) {
        if (!granules.is(pa, GranuleState.REC)) return null;
        return (Rec) granules.get(pa).content();
    }

    public MachineConfig config() { return config; }
    public RmmModel model() { return model; }
    public boolean has(Quirk q) { return model.has(q); }
    public EventBus bus() { return bus; }
    public PhysicalMemory memory() { return memory; }
    public Gpt gpt() { return gpt; }
    public El3Monitor el3() { return el3; }
    public GranuleTable granules() { return granules; }
    public RttEntries rtts() { return rtts; }
    public RealmLifecycle realms() { return realms; }
    public RecLifecycle recs() { return recs; }
    public Measurements measurements() { return measurements; }
    /** VMIDs held by live realms. */
    public Vmids vmids() { return vmids; }
    /** Guest steps queued per REC; RMI_REC_ENTER runs them. */
    public GuestQueues guest() { return guest; }
}
