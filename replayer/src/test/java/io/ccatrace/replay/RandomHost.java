package io.ccatrace.replay;

import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.realm.RealmParams;
import io.ccatrace.model.rmi.CommandTable;
import io.ccatrace.recorder.EventRows;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random host for tests: issues every RMI command of the model's table with
 * operands drawn from a small pool of granules (so calls collide and succeed as often as
 * they fail), writes realm/REC parameter pages, and records the rows exactly as the
 * recorder would (EventRows).
 */
final class RandomHost {
    static final long DRAM = MachineConfig.DEFAULT_DRAM_BASE;
    private static final int POOL = 48;

    final Machine machine;
    final List<TraceEvent> rows = new ArrayList<>();
    private final SplittableRandom random;
    private final List<CommandTable.Entry> commands;

    RandomHost(String model, long seed) {
        machine = new Machine(MachineConfig.defaults().withRmmModel(model).withSeed(seed));
        machine.addListener(e -> rows.add(EventRows.toRow(e)));
        random = new SplittableRandom(seed);
        commands = new ArrayList<>(machine.rmm().model().table().entries());
    }

    TraceMetadata metadata() {
        return TraceMetadata.empty().with(TraceMetadata.RMM_MODEL, machine.config().rmmModel());
    }

    static long gran(int i) {
        return DRAM + 4096L * i;
    }

    long[] rmi(String name, long... args) {
        return machine.rmi(0, machine.rmm().model().table().byName(name).fid(), args);
    }

    /** n random host actions. */
    RandomHost run(int n) {
        for (int i = 0; i < n; i++) step();
        return this;
    }

    private void step() {
        int r = random.nextInt(10);
        if (r == 0) {
            machine.nsWrite(0, pool(), realmParams());
        } else if (r == 1) {
            machine.nsRead(0, pool(), 64);
        } else if (r < 4) {
            rmi("RMI_GRANULE_DELEGATE", pool());
        } else {
            CommandTable.Entry e = commands.get(random.nextInt(commands.size()));
            long[] args = new long[e.argCount()];
            for (int i = 0; i < args.length; i++) args[i] = operand();
            machine.rmi(0, e.fid(), args);
        }
    }

    private long pool() {
        return gran(random.nextInt(POOL));
    }

    private long operand() {
        switch (random.nextInt(6)) {
            case 0: return random.nextInt(4);
            case 1: return 0x10000;
            default: return pool();
        }
    }

    private byte[] realmParams() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(RealmParams.OFF_S2SZ, 40);
        b.putLong(RealmParams.OFF_NUM_BPS, 2);
        b.putLong(RealmParams.OFF_NUM_WPS, 2);
        b.putShort(RealmParams.OFF_VMID, (short) (1 + random.nextInt(4)));
        b.putLong(RealmParams.OFF_RTT_BASE, pool());
        b.putLong(RealmParams.OFF_RTT_LEVEL_START, 1);
        b.putLong(RealmParams.OFF_RTT_NUM_START, 1);
        return b.array();
    }
}
