package io.ccatrace.model.guestos;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.host.GuestHook;
import io.ccatrace.model.host.RealmLayout;
import io.ccatrace.model.machine.Machine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The software of one realm: a {@link GuestCpu} program per vCPU. Before each entry of a
 * REC it queues that vCPU's next batch through {@link Machine#queueStep}, but only when the
 * previous batch is used up and every SMC it made has completed (seen as an RSI_CALL
 * event, routed here by {@link GuestEvents}), so each batch can depend on the results of the
 * one before.
 */
public final class GuestOs implements GuestHook {
    private final Machine machine;
    private final int realmId;
    private final RealmLayout layout;
    private final int cpus;
    private final WorkMix mix;
    private final Budget budget;
    private final Set<GuestMisbehaviour> misbehaviours;
    private final SplittableRandom rng;
    private final List<GuestCpu> byIndex = new ArrayList<>();

    public GuestOs(Machine machine, int realmId, RealmLayout layout, int cpus, WorkMix mix,
                   Budget budget, Set<GuestMisbehaviour> misbehaviours, SplittableRandom rng, GuestEvents events) {
        this.machine = machine;
        this.realmId = realmId;
        this.layout = layout;
        this.cpus = cpus;
        this.mix = mix;
        this.budget = budget;
        this.misbehaviours = misbehaviours.isEmpty() ? EnumSet.noneOf(GuestMisbehaviour.class)
                : EnumSet.copyOf(misbehaviours);
        this.rng = rng;
        events.add(this);
    }

    @Override
    public void bind(int vcpu, long rec) {
        GuestCpu c = new GuestCpu(this, vcpu, rec, new Workload(layout, vcpu, cpus, mix, rng.split()));
        while (byIndex.size() <= vcpu) byIndex.add(null);
        byIndex.set(vcpu, c);
    }

    @Override
    public void beforeEnter(int vcpu) {
        GuestCpu c = byIndex.get(vcpu);
        if (machine.queuedSteps(c.rec()) > 0 || c.callsQueued > c.callsSeen) return;
        List<GuestStep> steps = c.next();
        for (int i = 0; i < steps.size(); i++) {
            GuestStep s = steps.get(i);
            if (s.op() == GuestStep.Op.CALL || s.op() == GuestStep.Op.HOST_CALL) c.callsQueued++;
            machine.queueStep(c.rec(), s);
        }
    }

    /** An RSI call of a vCPU has completed (its RSI_CALL event). */
    void onRsiCall(ModelEvent.RsiCall r) {
        GuestCpu c = byRec(r.rec());
        if (c != null) c.onRsiCall(r);
    }

    /** An SEA was injected into the REC at rec. */
    void onSea(long rec) {
        GuestCpu c = byRec(rec);
        if (c != null) c.onSea();
    }

    /** The vCPU bound to the REC at rec, or null (a REC of another realm): a scan of a few vCPUs, no boxing. */
    private GuestCpu byRec(long rec) {
        for (int i = 0; i < byIndex.size(); i++) {
            GuestCpu c = byIndex.get(i);
            if (c != null && c.rec() == rec) return c;
        }
        return null;
    }

    /** Steps of the next injected misbehaviour for this vCPU, or none. */
    List<GuestStep> misbehaviour(GuestCpu c, int done) {
        if (c.index() != 0 || done >= misbehaviours.size() || c.work().units() < 2 + 2L * done
                || !budget.armed()) {
            return List.of();
        }
        GuestMisbehaviour m = new ArrayList<>(misbehaviours).get(done);
        switch (m) {
            case TOUCH_EMPTY:
                return List.of(GuestStep.read(layout.ramTop() + 0x1000));
            case MMIO_NO_ISV:
                return List.of(new GuestStep(GuestStep.Op.READ, 0, null,
                        layout.virtioIpa() + RealmLayout.VIRTIO_INTERRUPT_STATUS, 0, 8, false));
            case BAD_RSI_ARGS:
                return List.of(GuestStep.call(RealmCalls.RSI_IPA_STATE_SET, layout.heapBase(), layout.heapBase() + 4096, 2, 0),
                        GuestStep.call(RealmCalls.RSI_IPA_STATE_SET, layout.heapBase() + 1, layout.heapBase() + 4096, 1, 0),
                        GuestStep.call(RealmCalls.RSI_MEASUREMENT_EXTEND, 0, 8, 1),
                        GuestStep.call(RealmCalls.RSI_MEASUREMENT_EXTEND, 1, 65, 1));
            case UNKNOWN_SMC:
                return List.of(GuestStep.call(0xC4000200L), GuestStep.hvc(0));
            default:
                return List.of();
        }
    }

    RealmLayout layout() { return layout; }
    int cpus() { return cpus; }
    int realmId() { return realmId; }
    Budget budget() { return budget; }
}
