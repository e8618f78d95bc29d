package io.ccatrace.model.rec;

import io.ccatrace.model.memory.PhysicalMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The entry half of RmiRecRun (reference 9.3, offsets 0x000..0x7FF): what the host hands the
 * RMM on RMI_REC_ENTER. {@link #parse} reads the bytes the RMM read from the host's page;
 * {@link #toBytes} builds them (for scripts and host models).
 */
public record RecRunEnter(long flags, long[] gprs, long gicv3Hcr, long[] gicv3Lrs) {
    public static final int SIZE = 0x800;
    public static final int OFF_FLAGS = 0x000, OFF_GPRS = 0x200, OFF_GICV3_HCR = 0x300,
            OFF_GICV3_LRS = 0x308;
    public static final int NUM_GPRS = 31, NUM_LRS = 16;

    /** RmiRecEnterFlags bits (reference 2.4). */
    public static final long EMUL_MMIO = 1, INJECT_SEA = 2, TRAP_WFI = 4, TRAP_WFE = 8,
            RIPAS_RESPONSE = 16;

    /** Arrays of the full register count are kept as given (fresh from the callers); shorter ones are zero-extended copies. */
    public RecRunEnter {
        if (gprs.length != NUM_GPRS) gprs = java.util.Arrays.copyOf(gprs, NUM_GPRS);
        if (gicv3Lrs.length != NUM_LRS) gicv3Lrs = java.util.Arrays.copyOf(gicv3Lrs, NUM_LRS);
    }

    public static RecRunEnter parse(byte[] enter) {
        ByteBuffer b = ByteBuffer.wrap(enter).order(ByteOrder.LITTLE_ENDIAN);
        long[] gprs = new long[NUM_GPRS];
        for (int i = 0; i < NUM_GPRS; i++) gprs[i] = b.getLong(OFF_GPRS + 8 * i);
        long[] lrs = new long[NUM_LRS];
        for (int i = 0; i < NUM_LRS; i++) lrs[i] = b.getLong(OFF_GICV3_LRS + 8 * i);
        return new RecRunEnter(b.getLong(OFF_FLAGS), gprs, b.getLong(OFF_GICV3_HCR), lrs);
    }

    /** Reads the entry half straight from memory at run (the same decoding as {@link #parse}). */
    public static RecRunEnter read(PhysicalMemory m, long run) {
        return read(m, run, new long[NUM_GPRS], new long[NUM_LRS]);
    }

    /**
     * As {@link #read}, decoding the registers into the given full-size arrays (a REC's
     * scratch arrays, {@link Rec#enterGprs}): the result is valid until they are refilled.
     */
    public static RecRunEnter read(PhysicalMemory m, long run, long[] gprs, long[] lrs) {
        m.readLongs(run + OFF_GPRS, gprs);
        m.readLongs(run + OFF_GICV3_LRS, lrs);
        return new RecRunEnter(m.readLong(run + OFF_FLAGS), gprs, m.readLong(run + OFF_GICV3_HCR), lrs);
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(OFF_FLAGS, flags);
        for (int i = 0; i < NUM_GPRS; i++) b.putLong(OFF_GPRS + 8 * i, gprs[i]);
        b.putLong(OFF_GICV3_HCR, gicv3Hcr);
        for (int i = 0; i < NUM_LRS; i++) b.putLong(OFF_GICV3_LRS + 8 * i, gicv3Lrs[i]);
        return b.array();
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    /** An entry with only these flags and enter.gprs[0] set (the common host case). */
    public static RecRunEnter of(long flags, long gpr0) {
        long[] g = new long[NUM_GPRS];
        g[0] = gpr0;
        return new RecRunEnter(flags, g, 0, new long[NUM_LRS]);
    }
}
