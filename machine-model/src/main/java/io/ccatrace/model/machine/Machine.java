package io.ccatrace.model.machine;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.El3Monitor;
import io.ccatrace.model.gpt.Gpt;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rmi.Rmm;
import io.ccatrace.model.rmi.RmmModel;
import io.ccatrace.model.rmi.RmmModels;

/**
 * A whole simulated CCA machine: DRAM, GPT, EL3 monitor and RMM, with the host's access
 * paths (RMI SMCs, Non-secure memory reads and writes). Single-threaded and deterministic.
 */
public final class Machine {
    private static final long HOST_ACCESS_NS = 20;

    private final MachineConfig config;
    private final EventBus bus = new EventBus();
    private final PhysicalMemory memory;
    private final Gpt gpt;
    private final Rmm rmm;

    public Machine(MachineConfig config) {
        this.config = config;
        RmmModel model = RmmModels.byId(config.rmmModel());
        if (model == null) {
            throw new IllegalArgumentException("unknown RMM model '" + config.rmmModel() + "'");
        }
        this.memory = new PhysicalMemory(config.dram());
        this.gpt = new Gpt(config.dram());
        this.rmm = new Rmm(config, model, bus, memory, gpt, new El3Monitor(gpt, memory, bus));
    }

    public void addListener(EventListener l) {
        bus.addListener(l);
    }

    public MachineConfig config() { return config; }
    public EventBus bus() { return bus; }
    public PhysicalMemory memory() { return memory; }
    public Gpt gpt() { return gpt; }
    public Rmm rmm() { return rmm; }

    /** The host issues an RMI SMC on cpu; returns x0.. as the host sees them. */
    public long[] rmi(int cpu, long fid, long... args) {
        return rmm.call(cpu, fid, args);
    }

    /**
     * The host writes memory at pa (inside one granule). A granule whose PAS is not NS
     * raises a GPF (recorded, nothing written); returns whether the write happened.
     */
    public boolean nsWrite(int cpu, long pa, byte[] bytes) {
        long seq = bus.beginInput();
        long now = bus.now();
        bus.advance(HOST_ACCESS_NS);
        int bank = memory.bankOf(pa);
        boolean ok = hostCheck(cpu, pa, bank, "WRITE");
        if (ok) memory.write(bank, pa, bytes);
        bus.endInput(new ModelEvent.NsWrite(seq, now, cpu, pa, bytes.clone()));
        return ok;
    }

    /**
     * The host reads len bytes at pa; null (and a GPF) when the PAS is not NS. The returned
     * array is also the NS_READ event's data: read it, do not modify it.
     */
    public byte[] nsRead(int cpu, long pa, int len) {
        long seq = bus.beginInput();
        long now = bus.now();
        bus.advance(HOST_ACCESS_NS);
        int bank = memory.bankOf(pa);
        byte[] data = hostCheck(cpu, pa, bank, "READ") ? memory.read(bank, pa, len) : null;
        bus.endInput(new ModelEvent.NsRead(seq, now, cpu, pa, len, data));
        return data;
    }

    /**
     * Queues a guest step for the REC at rec (a GUEST_STEP input event); the next
     * RMI_REC_ENTER of that REC runs queued steps in order until one exits to the host.
     */
    public void queueStep(long rec, GuestStep step) {
        long seq = bus.beginInput();
        long now = bus.now();
        rmm.guest().add(rec, step);
        bus.endInput(new ModelEvent.GuestStep(seq, now, rec, step.op().scriptName(), step.fid(),
                step.args(), step.ipa(), step.value(), step.size(), step.isv()));
    }

    /**
     * Guest steps still queued for the REC at rec: the realm software's own view of the
     * work it has not done yet (the guest model uses it to decide when to queue more).
     */
    public int queuedSteps(long rec) {
        return rmm.guest().size(rec);
    }

    /**
     * The GPT check of a host access to pa in DRAM bank `bank` (-1: not DRAM, whose PAS is
     * ROOT, so that check covers the DRAM check too); the memory and the GPT share the
     * machine's bank list, so one lookup serves both and the copy.
     */
    private boolean hostCheck(int cpu, long pa, int bank, String access) {
        Pas pas = gpt.pasOf(bank, pa);
        if (pas == Pas.NS) return true;
        bus.emit(new ModelEvent.Gpf(bus.seq(), bus.now(), bus.cause(), cpu, pa, pas.name(), access));
        return false;
    }
}
