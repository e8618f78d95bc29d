package io.ccatrace.model.host;

/**
 * RecRun.exit as read back by the host (reference 9.3, offsets relative to 0x800) with the
 * decoding the host needs (reference 8.3, 8.4).
 */
public final class RecExitView {
    public static final int SYNC = 0, IRQ = 1, FIQ = 2, PSCI = 3, RIPAS_CHANGE = 4,
            HOST_CALL = 5, SERROR = 6;
    static final int EC_DATA_ABORT = 0x24, EC_INSTR_ABORT = 0x20, EC_WFX = 0x01;

    private final byte[] b;

    RecExitView(byte[] exitHalf) {
        this.b = exitHalf;
    }

    private long at(int off) {
        return PageImage.get64(b, off - 0x800);
    }

    public int reason() { return (int) at(0x800); }
    public long esr() { return at(0x900); }
    public long far() { return at(0x908); }
    public long hpfar() { return at(0x910); }
    public long gpr(int i) { return at(0xA00 + 8 * i); }
    public long lr(int i) { return at(0xB08 + 8 * i); }
    public long ripasBase() { return at(0xD00); }
    public long ripasTop() { return at(0xD08); }
    public int ripasValue() { return b[0xD10 - 0x800] & 0xFF; }
    public long imm() { return at(0xE00) & 0xFFFF_FFFFL; }

    public int ec() { return (int) ((esr() >>> 26) & 0x3F); }
    public boolean isv() { return (esr() & (1L << 24)) != 0; }
    public boolean write() { return (esr() & (1L << 6)) != 0; }
    /** Access size in bytes from ESR.SAS. */
    public int accessSize() { return 1 << ((esr() >>> 22) & 3); }
    public boolean dataAbort() { return reason() == SYNC && ec() == EC_DATA_ABORT; }
    public boolean instructionAbort() { return reason() == SYNC && ec() == EC_INSTR_ABORT; }

    /** Faulting IPA: FIPA from HPFAR bits [43:4] plus the page offset from FAR. */
    public long faultIpa() {
        return ((hpfar() & 0xFFFF_FFFF_FF0L) << 8) | (far() & 0xFFF);
    }
}
