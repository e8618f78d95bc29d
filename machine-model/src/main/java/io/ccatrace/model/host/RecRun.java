package io.ccatrace.model.host;

/**
 * The RmiRecRun page of one REC (reference 9.3): the host writes only the enter fields it
 * changes (so the trace carries the bytes that matter) and reads back, after each
 * RMI_REC_ENTER, the exit fields a Linux KVM host reads for that exit ({@link #readExit}).
 */
public final class RecRun {
    /** RmiRecEnterFlags (reference 2.4). */
    public static final long EMUL_MMIO = 1, INJECT_SEA = 2, TRAP_WFI = 4, TRAP_WFE = 8,
            RIPAS_RESPONSE_REJECT = 16;
    static final int ENTER_FLAGS = 0x000, ENTER_GPRS = 0x200, ENTER_LRS = 0x308;
    /** RecRun.exit field groups the host reads (reference 9.3 offsets). */
    static final int EXIT_REASON = 0x800, EXIT_ESR = 0x900, EXIT_GPRS = 0xA00,
            EXIT_GICV3_HCR = 0xB00, EXIT_CNTP_CTL = 0xC00, EXIT_RIPAS_BASE = 0xD00;
    static final int SYNDROME_BYTES = 24, TIMER_BYTES = 32, RIPAS_BYTES = 17;

    private final long pa;
    private final HostRmi rmi;
    private long writtenFlags;
    private final long[] writtenLrs;
    private final RecExitView exit;

    public RecRun(long pa, HostRmi rmi, int numLrs) {
        this.pa = pa;
        this.rmi = rmi;
        this.writtenLrs = new long[numLrs];
        this.exit = new RecExitView(numLrs);
    }

    public long pa() {
        return pa;
    }

    /** Zeroes the whole page once, before the REC's first entry. */
    public void clear() {
        rmi.write(pa, new byte[4096]);
        writtenFlags = 0;
        java.util.Arrays.fill(writtenLrs, 0);
    }

    public void setFlags(long flags) {
        if (flags != writtenFlags) {
            rmi.write(pa + ENTER_FLAGS, le(flags));
            writtenFlags = flags;
        }
    }

    /** enter.gprs[0]: an emulated MMIO read value or a host call result. */
    public void setGpr0(long value) {
        rmi.write(pa + ENTER_GPRS, le(value));
    }

    /** enter.gicv3_lrs: writes only the list registers that changed. */
    public void setLrs(long[] lrs) {
        for (int i = 0; i < writtenLrs.length; i++) {
            long v = i < lrs.length ? lrs[i] : 0;
            if (v != writtenLrs[i]) {
                rmi.write(pa + ENTER_LRS + 8L * i, le(v));
                writtenLrs[i] = v;
            }
        }
    }

    /**
     * Reads what the Linux KVM realm host reads of RecRun.exit after a successful
     * RMI_REC_ENTER, one NS read per contiguous field group, in its order: the GIC state
     * (gicv3_hcr and the list registers, vgic sync), esr/far/hpfar, the four timer
     * registers, exit_reason, then per reason the gprs it passes on (gprs[0] of an
     * emulatable write data abort; x0..x30 of a PSCI or host call exit) or ripas_base/top/
     * value. The view is this page's own, refilled by every call. Null when the host cannot
     * read its own page (a GPF).
     */
    public RecExitView readExit() {
        RecExitView x = exit;
        byte[] b = rmi.read(pa + EXIT_GICV3_HCR, 8 + 8 * writtenLrs.length);
        if (b == null) return null;
        x.gic(b);
        if ((b = rmi.read(pa + EXIT_ESR, SYNDROME_BYTES)) == null) return null;
        x.syndrome(b);
        // the timer state: read as KVM reads it every exit; the model's host drives its
        // virtual timer from IRQ exits instead, so the values are not used
        if (rmi.read(pa + EXIT_CNTP_CTL, TIMER_BYTES) == null) return null;
        if ((b = rmi.read(pa + EXIT_REASON, 1)) == null) return null;
        x.reason(b);
        switch (x.reason()) {
            case RecExitView.SYNC:
                if (x.ec() == RecExitView.EC_DATA_ABORT && x.isv() && x.write()) return gprs(x, 1);
                return x;
            case RecExitView.PSCI:
            case RecExitView.HOST_CALL:
                return gprs(x, RecExitView.NUM_GPRS);
            case RecExitView.RIPAS_CHANGE:
                if ((b = rmi.read(pa + EXIT_RIPAS_BASE, RIPAS_BYTES)) == null) return null;
                x.ripas(b);
                return x;
            default:
                return x;
        }
    }

    private RecExitView gprs(RecExitView x, int n) {
        byte[] b = rmi.read(pa + EXIT_GPRS, 8 * n);
        if (b == null) return null;
        x.gprs(b, n);
        return x;
    }

    private static byte[] le(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }
}
