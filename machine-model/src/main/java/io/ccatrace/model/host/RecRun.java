package io.ccatrace.model.host;

/**
 * The RmiRecRun page of one REC (reference 9.3): the host writes only the enter fields it
 * changes (so the trace carries the bytes that matter) and reads the exit half back after
 * each RMI_REC_ENTER.
 */
public final class RecRun {
    /** RmiRecEnterFlags (reference 2.4). */
    public static final long EMUL_MMIO = 1, INJECT_SEA = 2, TRAP_WFI = 4, TRAP_WFE = 8,
            RIPAS_RESPONSE_REJECT = 16;
    static final int ENTER_FLAGS = 0x000, ENTER_GPRS = 0x200, ENTER_LRS = 0x308;
    static final int EXIT = 0x800;

    private final long pa;
    private final HostRmi rmi;
    private long writtenFlags;
    private final long[] writtenLrs;

    public RecRun(long pa, HostRmi rmi, int numLrs) {
        this.pa = pa;
        this.rmi = rmi;
        this.writtenLrs = new long[numLrs];
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

    /** Reads RecRun.exit; null when the host cannot read its own page (a GPF). */
    public RecExitView readExit() {
        byte[] b = rmi.read(pa + EXIT, 0x800);
        return b == null ? null : new RecExitView(b);
    }

    private static byte[] le(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }
}
