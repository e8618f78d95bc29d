package io.ccatrace.model.gic;

/**
 * The GICv3 checks RMI_REC_ENTER applies to enter.gicv3_hcr and enter.gicv3_lrs (reference
 * 4.22, spec label rec_gicv3). The simulated virtual CPU interface implements 5 priority bits
 * and 16 vINTID bits (ICH_VTR_EL2.PRIbits = 4, IDbits = 16, as on the FVP).
 */
public final class GicEntryCheck {
    /** HCR bits the host may set: UIE..VGRP1DIE (bits 1..7) and TDIR (bit 14). */
    public static final long HCR_ALLOWED = 0x40FEL;
    static final long LR_STATE_SHIFT = 62;
    static final long LR_HW = 1L << 61;
    /** Priority [55:48]; with 5 implemented bits, [50:48] are RES0. */
    static final long LR_PRIORITY_RES0 = 0x7L << 48;
    /** pINTID [44:32] must be zero for a software LR, except EOI (bit 41). */
    static final long LR_PINTID_NOT_EOI = (0x1FFFL << 32) & ~(1L << 41);
    static final long MAX_SPI_ID = 1019, MIN_LPI_ID = 8192, MAX_VINTID = (1L << 16) - 1;

    private GicEntryCheck() {
    }

    /** Whether the host's GIC state may be loaded: false means RMI_ERROR_REC. */
    public static boolean valid(long hcr, long[] lrs, int numLrs) {
        if ((hcr & ~HCR_ALLOWED) != 0) return false;
        int n = Math.min(numLrs, lrs.length);
        for (int i = 0; i < n; i++) {
            long lr = lrs[i];
            if ((lr >>> LR_STATE_SHIFT) == 0) continue;
            if ((lr & LR_HW) != 0) return false;
            if ((lr & LR_PRIORITY_RES0) != 0) return false;
            if ((lr & LR_PINTID_NOT_EOI) != 0) return false;
            long vintid = lr & 0xFFFF_FFFFL;
            if (!validVintid(vintid)) return false;
            for (int j = 0; j < i; j++) {
                if ((lrs[j] >>> LR_STATE_SHIFT) != 0 && (lrs[j] & 0xFFFF_FFFFL) == vintid) {
                    return false;
                }
            }
        }
        return true;
    }

    /** SGIs, PPIs and SPIs (0..1019) or LPIs (8192..2^IDbits - 1). */
    static boolean validVintid(long id) {
        return id <= MAX_SPI_ID || (id >= MIN_LPI_ID && id <= MAX_VINTID);
    }
}
