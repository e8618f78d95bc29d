package io.ccatrace.model.realm;

import java.util.BitSet;

/**
 * The VMIDs in use by live realms (reference 4.5 `vmid_valid`): REALM_CREATE reserves one,
 * REALM_DESTROY frees it. A VMID must be below 2^vmid_bits and unique among live realms.
 */
public final class Vmids {
    private final int bits;
    private final BitSet used = new BitSet();

    public Vmids(int bits) {
        this.bits = bits;
    }

    /** Whether vmid fits the machine's VMID width and no live realm holds it. */
    public boolean isFree(long vmid) {
        return Long.compareUnsigned(vmid, 1L << bits) < 0 && !used.get((int) vmid);
    }

    public void reserve(long vmid) {
        if (!isFree(vmid)) throw new IllegalStateException("VMID " + vmid + " not free");
        used.set((int) vmid);
    }

    public void release(long vmid) {
        if (!used.get((int) vmid)) throw new IllegalStateException("VMID " + vmid + " not in use");
        used.clear((int) vmid);
    }
}
