package io.ccatrace.model.psci;

/**
 * A realm vCPU's MPIDR as the realm names targets in PSCI calls (architectural MPIDR_EL1
 * layout: Aff0 [7:0], Aff1 [15:8], Aff2 [23:16], Aff3 [39:32]) and the REC index it denotes
 * (reference 4.9: idx = Aff0[3:0] | Aff1 << 4 | Aff2 << 12 | Aff3 << 20).
 */
public final class Mpidr {
    /** Bits that may be set: Aff0[3:0], Aff1, Aff2, Aff3. */
    static final long VALID = 0xFFL << 32 | 0xFFFF00L | 0xFL;

    private Mpidr() {
    }

    /**
     * The index of the REC the realm names with mpidr, or -1 when it names none: bits
     * outside the affinity fields, or an index at or above the realm's REC count (6.3).
     */
    public static long target(io.ccatrace.model.realm.Realm realm, long mpidr) {
        long idx = toRecIndex(mpidr);
        return idx < realm.nextRecIndex() ? idx : -1;
    }

    /** The REC index, or -1 when the value has bits outside the REC affinity fields. */
    public static long toRecIndex(long mpidr) {
        if ((mpidr & ~VALID) != 0) return -1;
        return (mpidr & 0xF) | ((mpidr >>> 8) & 0xFF) << 4 | ((mpidr >>> 16) & 0xFF) << 12
                | ((mpidr >>> 32) & 0xFF) << 20;
    }
}
