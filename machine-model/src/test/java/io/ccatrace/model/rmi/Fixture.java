package io.ccatrace.model.rmi;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.machine.MachineConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: a default machine (one 1 GiB NS bank at 0x8000_0000) with an event log,
 * and RMI calls by command name. Results are decoded from x0 as the host sees them.
 */
public class Fixture {
    public static final long DRAM = MachineConfig.DEFAULT_DRAM_BASE;

    public final Machine machine;
    public final List<ModelEvent> events = new ArrayList<>();

    public Fixture() {
        this(MachineConfig.defaults());
    }

    public Fixture(MachineConfig config) {
        machine = new Machine(config);
        machine.addListener(events::add);
    }

    /** x0.. of an RMI call by name (e.g. "RMI_GRANULE_DELEGATE"). */
    public long[] rmi(String name, long... args) {
        CommandTable.Entry e = machine.rmm().model().table().byName(name);
        if (e == null) throw new IllegalArgumentException("no command " + name);
        return machine.rmi(0, e.fid(), args);
    }

    /** Status code (x0 bits 7:0) of an RMI call. */
    public static int status(long[] regs) {
        return (int) (regs[0] & 0xFF);
    }

    /** Index (x0 bits 15:8) of an RMI call. */
    public static int index(long[] regs) {
        return (int) ((regs[0] >>> 8) & 0xFF);
    }

    /** The n-th granule of DRAM. */
    public static long gran(int n) {
        return DRAM + 4096L * n;
    }

    /** Events of one kind, in order. */
    public List<ModelEvent> eventsOf(ModelEvent.Kind k) {
        List<ModelEvent> out = new ArrayList<>();
        for (ModelEvent e : events) {
            if (e.kind() == k) out.add(e);
        }
        return out;
    }
}
