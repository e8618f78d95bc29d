package io.ccatrace.model.host;

/**
 * RmiRealmParams as the host writes it for RMI_REALM_CREATE (reference 9.1). Numeric fields
 * are written as 8 bytes, as Linux does.
 */
public record RealmParamsImage(long flags, int s2sz, int numBps, int numWps, int hashAlgo,
                               byte[] rpv, int vmid, long rttBase, int rttLevelStart,
                               int rttNumStart) {
    public byte[] bytes() {
        return new PageImage()
                .put64(0x000, flags)
                .put64(0x008, s2sz)
                .put64(0x010, 0)          // sve_vl: SVE not enabled
                .put64(0x018, numBps)
                .put64(0x020, numWps)
                .put64(0x028, 0)          // pmu_num_ctrs: PMU not enabled
                .put(0x030, hashAlgo, 1)
                .putBytes(0x400, rpv)
                .put(0x800, vmid, 2)
                .put64(0x808, rttBase)
                .put64(0x810, rttLevelStart)
                .put64(0x818, rttNumStart)
                .bytes();
    }
}
