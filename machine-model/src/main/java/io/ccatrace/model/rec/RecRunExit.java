package io.ccatrace.model.rec;

import io.ccatrace.model.memory.GranuleWriter;
import io.ccatrace.model.memory.PhysicalMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The exit half of RmiRecRun (reference 9.3, offsets 0x800..0xFFF) as the RMM fills it: all
 * fields not set are zero. {@link #toBytes} gives the 0x800 bytes written at run_ptr + 0x800
 * (exit_reason, pmu_ovf_status as 8 bytes and imm as 4 bytes, TF-RMM's widths).
 */
public record RecRunExit(ExitReason reason, long esr, long far, long hpfar, long[] gprs,
                         long gicv3Hcr, long[] gicv3Lrs, long ripasBase, long ripasTop,
                         int ripasValue, long imm) {
    public static final int OFFSET = 0x800, SIZE = 0x800;
    /** Offsets relative to the start of RecRun. */
    public static final int OFF_REASON = 0x800, OFF_ESR = 0x900, OFF_FAR = 0x908,
            OFF_HPFAR = 0x910, OFF_GPRS = 0xA00, OFF_GICV3_HCR = 0xB00, OFF_GICV3_LRS = 0xB08,
            OFF_GICV3_MISR = 0xB88, OFF_GICV3_VMCR = 0xB90, OFF_CNTP_CTL = 0xC00,
            OFF_RIPAS_BASE = 0xD00, OFF_RIPAS_TOP = 0xD08, OFF_RIPAS_VALUE = 0xD10,
            OFF_IMM = 0xE00, OFF_PMU_OVF = 0xF00;

    /**
     * Register arrays are kept as given (callers hand over fresh arrays and never modify them
     * afterwards; {@link #gprs()} returns a full-size copy): gprs may be shorter than x0..x30
     * (the rest are zero: {@link #writeTo} and {@link #toBytes} zero the half first); longer
     * ones are cut, and GIC list registers are zero-extended to all 16.
     */
    public RecRunExit {
        if (gprs.length > RecRunEnter.NUM_GPRS) gprs = Arrays.copyOf(gprs, RecRunEnter.NUM_GPRS);
        gicv3Lrs = full(gicv3Lrs, RecRunEnter.NUM_LRS, ZERO_LRS);
    }

    /** All-zero list registers shared by every exit that sets none (never written). */
    private static final long[] ZERO_LRS = new long[RecRunEnter.NUM_LRS];

    private static long[] full(long[] regs, int n, long[] zero) {
        if (regs.length == n) return regs;
        return regs.length == 0 ? zero : Arrays.copyOf(regs, n);
    }

    private static final long[] NONE = new long[0];

    /** An exit with only a reason and syndrome (IRQ, FIQ, aborts, WFx traps). */
    public static RecRunExit of(ExitReason reason, long esr, long far, long hpfar, long... gprs) {
        return new RecRunExit(reason, esr, far, hpfar, gprs, 0, NONE, 0, 0, 0, 0);
    }

    public static RecRunExit ripasChange(long base, long top, int value) {
        return new RecRunExit(ExitReason.RIPAS_CHANGE, 0, 0, 0, NONE, 0, NONE, base, top, value, 0);
    }

    public static RecRunExit hostCall(long imm, long[] gprs) {
        return new RecRunExit(ExitReason.HOST_CALL, 0, 0, 0, gprs, 0, NONE, 0, 0, 0, imm);
    }

    /** x0..x30 (a copy, always 31 values). */
    public long[] gprs() {
        return Arrays.copyOf(gprs, RecRunEnter.NUM_GPRS);
    }

    /**
     * exit.gprs without its trailing zero registers, not to be modified: this exit's own
     * array when it has none (an exit never changes it), a shared empty array when all are
     * zero, else a copy.
     */
    public long[] gprsTrimmed() {
        int n = gprs.length;
        while (n > 0 && gprs[n - 1] == 0) n--;
        if (n == gprs.length) return gprs;
        return n == 0 ? NONE : Arrays.copyOf(gprs, n);
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(OFF_REASON - OFFSET, reason.ordinal());
        b.putLong(OFF_ESR - OFFSET, esr);
        b.putLong(OFF_FAR - OFFSET, far);
        b.putLong(OFF_HPFAR - OFFSET, hpfar);
        for (int i = 0; i < gprs.length; i++) b.putLong(OFF_GPRS - OFFSET + 8 * i, gprs[i]);
        b.putLong(OFF_GICV3_HCR - OFFSET, gicv3Hcr);
        for (int i = 0; i < gicv3Lrs.length; i++) {
            b.putLong(OFF_GICV3_LRS - OFFSET + 8 * i, gicv3Lrs[i]);
        }
        b.putLong(OFF_RIPAS_BASE - OFFSET, ripasBase);
        b.putLong(OFF_RIPAS_TOP - OFFSET, ripasTop);
        b.put(OFF_RIPAS_VALUE - OFFSET, (byte) ripasValue);
        b.putInt(OFF_IMM - OFFSET, (int) imm);
        return b.array();
    }

    /**
     * Writes the exit half into memory at run + {@link #OFFSET}: the same bytes as
     * {@link #toBytes}, without building them first (the page must be writable DRAM).
     */
    public void writeTo(PhysicalMemory m, long run) {
        writeTo(m, run, gicv3Hcr, gicv3Lrs);
    }

    /**
     * As {@link #writeTo(PhysicalMemory, long)}, reporting the GIC state hcr and lrs (at most
     * 16 list registers, the rest zero) instead of this exit's own: what RMI_REC_ENTER writes,
     * the state the REC was entered with (reference 4.22), without a copy of the exit.
     */
    public void writeTo(PhysicalMemory m, long run, long hcr, long[] lrs) {
        if (lrs.length > RecRunEnter.NUM_LRS) throw new IllegalArgumentException("more than 16 list registers");
        GranuleWriter w = m.writer(run);   // one page lookup for the dozen writes
        w.zero(run + OFFSET, SIZE);
        w.writeLong(run + OFF_REASON, reason.ordinal());
        w.writeLong(run + OFF_ESR, esr);
        w.writeLong(run + OFF_FAR, far);
        w.writeLong(run + OFF_HPFAR, hpfar);
        w.writeLongs(run + OFF_GPRS, gprs, gprs.length);
        w.writeLong(run + OFF_GICV3_HCR, hcr);
        w.writeLongs(run + OFF_GICV3_LRS, lrs, lrs.length);
        w.writeLong(run + OFF_RIPAS_BASE, ripasBase);
        w.writeLong(run + OFF_RIPAS_TOP, ripasTop);
        w.writeNarrow(run + OFF_RIPAS_VALUE, ripasValue, 1);
        w.writeNarrow(run + OFF_IMM, imm, 4);
    }

    /** Decodes an exit half as a host reads it (0x800 bytes from run_ptr + 0x800). */
    public static RecRunExit parse(byte[] exit) {
        ByteBuffer b = ByteBuffer.wrap(exit).order(ByteOrder.LITTLE_ENDIAN);
        long[] gprs = new long[RecRunEnter.NUM_GPRS];
        for (int i = 0; i < gprs.length; i++) gprs[i] = b.getLong(OFF_GPRS - OFFSET + 8 * i);
        long[] lrs = new long[RecRunEnter.NUM_LRS];
        for (int i = 0; i < lrs.length; i++) lrs[i] = b.getLong(OFF_GICV3_LRS - OFFSET + 8 * i);
        int code = (int) b.getLong(OFF_REASON - OFFSET);
        ExitReason r = code >= 0 && code < ExitReason.values().length
                ? ExitReason.values()[code] : null;
        return new RecRunExit(r, b.getLong(OFF_ESR - OFFSET), b.getLong(OFF_FAR - OFFSET),
                b.getLong(OFF_HPFAR - OFFSET), gprs, b.getLong(OFF_GICV3_HCR - OFFSET), lrs,
                b.getLong(OFF_RIPAS_BASE - OFFSET), b.getLong(OFF_RIPAS_TOP - OFFSET),
                b.get(OFF_RIPAS_VALUE - OFFSET) & 0xFF,
                Integer.toUnsignedLong(b.getInt(OFF_IMM - OFFSET)));
    }
}
