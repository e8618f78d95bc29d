package io.ccatrace.model.host;

/**
 * The RecRun.exit fields the host has read after one REC exit (reference 9.3) with the
 * decoding it needs (reference 8.3, 8.4). {@link RecRun#readExit} fills it field group by
 * field group, the way the Linux KVM realm host reads them (docs/scenarios.md, "What the
 * host reads of RecRun.exit"); asking for a field the host did not read for this exit is a
 * model error. One view per vCPU, refilled by every exit.
 */
public final class RecExitView {
    public static final int SYNC = 0, IRQ = 1, FIQ = 2, PSCI = 3, RIPAS_CHANGE = 4,
            HOST_CALL = 5, SERROR = 6;
    static final int EC_DATA_ABORT = 0x24, EC_INSTR_ABORT = 0x20, EC_WFX = 0x01;
    /** exit.gprs holds x0..x30 (reference 9.3). */
    static final int NUM_GPRS = 31;

    private int reason;
    private long esr, far, hpfar;
    private long gicHcr;
    private final long[] lrs;
    private final long[] gprs = new long[NUM_GPRS];
    private int gprsRead;
    private boolean ripasRead;
    private long ripasBase, ripasTop;
    private int ripasValue;

    RecExitView(int numLrs) {
        this.lrs = new long[numLrs];
    }

    /** exit.gicv3_hcr and gicv3_lrs[0..numLrs) from one read starting at gicv3_hcr. */
    void gic(byte[] b) {
        gicHcr = PageImage.get64(b, 0);
        for (int i = 0; i < lrs.length; i++) lrs[i] = PageImage.get64(b, 8 + 8 * i);
        gprsRead = 0;
        ripasRead = false;
    }

    /** exit.esr, far, hpfar from one 24-byte read at esr. */
    void syndrome(byte[] b) {
        esr = PageImage.get64(b, 0);
        far = PageImage.get64(b, 8);
        hpfar = PageImage.get64(b, 16);
    }

    /** exit.exit_reason: one byte (the Linux field width). */
    void reason(byte[] b) {
        reason = b[0] & 0xFF;
    }

    /** exit.gprs[0..n) from one read at gprs[0]. */
    void gprs(byte[] b, int n) {
        for (int i = 0; i < n; i++) gprs[i] = PageImage.get64(b, 8 * i);
        gprsRead = n;
    }

    /** exit.ripas_base, ripas_top, ripas_value from one 17-byte read at ripas_base. */
    void ripas(byte[] b) {
        ripasBase = PageImage.get64(b, 0);
        ripasTop = PageImage.get64(b, 8);
        ripasValue = b[16] & 0xFF;
        ripasRead = true;
    }

    public int reason() { return reason; }
    public long esr() { return esr; }
    public long far() { return far; }
    public long hpfar() { return hpfar; }
    public long gicHcr() { return gicHcr; }
    public long lr(int i) { return lrs[i]; }

    public long gpr(int i) {
        if (i >= gprsRead) throw new IllegalStateException("exit.gprs[" + i + "] was not read for this exit");
        return gprs[i];
    }

    public long ripasBase() { return ripas().ripasBase; }
    public long ripasTop() { return ripas().ripasTop; }
    public int ripasValue() { return ripas().ripasValue; }

    private RecExitView ripas() {
        if (!ripasRead) throw new IllegalStateException("exit.ripas_* were not read for this exit");
        return this;
    }

    public int ec() { return (int) ((esr >>> 26) & 0x3F); }
    public boolean isv() { return (esr & (1L << 24)) != 0; }
    public boolean write() { return (esr & (1L << 6)) != 0; }
    /** Access size in bytes from ESR.SAS. */
    public int accessSize() { return 1 << ((esr >>> 22) & 3); }
    public boolean dataAbort() { return reason == SYNC && ec() == EC_DATA_ABORT; }
    public boolean instructionAbort() { return reason == SYNC && ec() == EC_INSTR_ABORT; }

    /** Faulting IPA: FIPA from HPFAR bits [43:4] plus the page offset from FAR. */
    public long faultIpa() {
        return ((hpfar & 0xFFFF_FFFF_FF0L) << 8) | (far & 0xFFF);
    }
}
