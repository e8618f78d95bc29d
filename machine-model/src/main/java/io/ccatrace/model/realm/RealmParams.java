package io.ccatrace.model.realm;

/**
 * RmiRealmParams as the RMM reads it from the host's 4 KiB page (reference 9.1). Numeric
 * fields that TF-RMM reads as 32 bits (s2sz, sve_vl, num_bps, num_wps, pmu_num_ctrs,
 * rtt_num_start) are kept as the low 32 bits, unsigned.
 */
public record RealmParams(long flags, long s2sz, long sveVl, long numBps, long numWps,
                          long pmuNumCtrs, int hashAlgo, byte[] rpv, long vmid, long rttBase,
                          long rttLevelStart, long rttNumStart) {
    public static final long FLAG_LPA2 = 1;
    public static final long FLAG_SVE = 2;
    public static final long FLAG_PMU = 4;

    /** Offsets of the fields in the page. */
    public static final int OFF_FLAGS = 0x000, OFF_S2SZ = 0x008, OFF_SVE_VL = 0x010,
            OFF_NUM_BPS = 0x018, OFF_NUM_WPS = 0x020, OFF_PMU_NUM_CTRS = 0x028,
            OFF_HASH_ALGO = 0x030, OFF_RPV = 0x400, OFF_VMID = 0x800, OFF_RTT_BASE = 0x808,
            OFF_RTT_LEVEL_START = 0x810, OFF_RTT_NUM_START = 0x818;

    public static RealmParams parse(byte[] page) {
        return new RealmParams(le(page, OFF_FLAGS, 8), le(page, OFF_S2SZ, 4),
                le(page, OFF_SVE_VL, 4), le(page, OFF_NUM_BPS, 4), le(page, OFF_NUM_WPS, 4),
                le(page, OFF_PMU_NUM_CTRS, 4), page[OFF_HASH_ALGO] & 0xFF,
                java.util.Arrays.copyOfRange(page, OFF_RPV, OFF_RPV + 64),
                le(page, OFF_VMID, 2), le(page, OFF_RTT_BASE, 8), le(page, OFF_RTT_LEVEL_START, 8),
                le(page, OFF_RTT_NUM_START, 4));
    }

    public boolean lpa2() { return (flags & FLAG_LPA2) != 0; }
    public boolean sve() { return (flags & FLAG_SVE) != 0; }
    public boolean pmu() { return (flags & FLAG_PMU) != 0; }

    static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }
}
