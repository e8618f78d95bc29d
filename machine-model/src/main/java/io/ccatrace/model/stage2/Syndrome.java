package io.ccatrace.model.stage2;

/**
 * ESR_EL2 / HPFAR_EL2 values of the aborts and traps a realm takes to the RMM, and the masks
 * the RMM applies before showing them to the host in RecRun.exit (reference 8.3, 8.4).
 *
 * <p>A read or write step is modelled as a single LDR/STR of the step's size with Rt = x0,
 * no sign extension, SF = 1 only for 8-byte accesses.
 */
public final class Syndrome {
    public static final int EC_WFX = 0x01, EC_INST_ABORT_LOWER = 0x20, EC_DATA_ABORT_LOWER = 0x24;
    static final int EC_SHIFT = 26;
    static final long IL = 1L << 25, ISV = 1L << 24, SF = 1L << 15, WNR = 1L << 6;
    static final int SAS_SHIFT = 22;

    public static final long EC_MASK = 0x3FL << EC_SHIFT;
    static final long SET = 0x3L << 11, FNV = 1L << 10, EA = 1L << 9, FSC = 0x3F;
    /** Emulatable data abort: EC, ISV, SAS, SF, SET, FnV, EA, WnR, DFSC. */
    public static final long EMULATABLE_MASK = EC_MASK | ISV | (0x3L << SAS_SHIFT) | SF | SET
            | FNV | EA | WNR | FSC;
    /** Non-emulatable data abort (reference 8.3; spec A4.3.4.3): EC, SET, FnV, EA, DFSC. */
    public static final long NON_EMULATABLE_MASK = EC_MASK | SET | FNV | EA | FSC;
    /**
     * Non-emulatable data abort at an Unprotected IPA: IL is shown as well. The reference's
     * table (8.3) omits it; the specification text (A4.3.4.3) adds "exit.esr.IL contains the
     * value of ESR_EL2.IL" for exactly this case.
     */
    public static final long NON_EMULATABLE_UNPROTECTED_MASK = NON_EMULATABLE_MASK | IL;
    /**
     * Instruction abort: EC, SET, EA, IFSC (spec A4.3.4.2 lists no FnV; the reference's 8.3
     * row adds it, but an instruction abort taken to EL2 for stage 2 never sets it).
     */
    public static final long INSTRUCTION_ABORT_MASK = EC_MASK | SET | EA | FSC;
    /** WFI/WFE trap as reported to the host: EC and TI (bit 0) only. */
    public static final long WFX_MASK = EC_MASK | 1;

    /** Fault status codes. */
    public static int translationFault(int level) { return 0x04 + level; }
    public static int permissionFault(int level) { return 0x0C + level; }
    public static final int GRANULE_PROTECTION_FAULT = 0x28;

    private Syndrome() {
    }

    /** ESR_EL2 of a data abort as the hardware reports it (IL = 1, SRT = 0, SSE = 0). */
    public static long dataAbort(boolean write, int size, boolean isv, int dfsc) {
        long esr = ((long) EC_DATA_ABORT_LOWER << EC_SHIFT) | IL | dfsc;
        if (write) esr |= WNR;
        if (isv) {
            esr |= ISV | ((long) Long.numberOfTrailingZeros(size) << SAS_SHIFT);
            if (size == 8) esr |= SF;
        }
        return esr;
    }

    /** ESR_EL2 of an instruction abort from a lower EL. */
    public static long instructionAbort(int ifsc) {
        return ((long) EC_INST_ABORT_LOWER << EC_SHIFT) | IL | ifsc;
    }

    /** ESR_EL2 of a trapped WFI (TI = 0) or WFE (TI = 1). */
    public static long wfx(boolean wfe) {
        return ((long) EC_WFX << EC_SHIFT) | IL | (wfe ? 1 : 0);
    }

    /** HPFAR_EL2 for a faulting IPA: FIPA [43:4] = IPA[51:12]. */
    public static long hpfar(long ipa) {
        return (ipa >>> 8) & 0xFFF_FFFF_FFF0L;
    }

    public static int ec(long esr) {
        return (int) ((esr & EC_MASK) >>> EC_SHIFT);
    }

    public static boolean isv(long esr) {
        return (esr & ISV) != 0;
    }

    public static boolean isDataAbort(long esr) {
        return ec(esr) == EC_DATA_ABORT_LOWER;
    }
}
