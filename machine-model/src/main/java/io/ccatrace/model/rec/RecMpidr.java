package io.ccatrace.model.rec;

/**
 * RmiRecMpidr (reference 4.9): Aff0[3:0], Aff1[15:8], Aff2[23:16], Aff3[31:24]; every other
 * bit must be zero. The REC index packs the fields densely.
 */
public final class RecMpidr {
    private static final long VALID_BITS = 0xFFFF_FF0FL;

    private RecMpidr() {
    }

    public static boolean isValid(long mpidr) {
        return (mpidr & ~VALID_BITS) == 0;
    }

    /** idx = Aff0[3:0] | Aff1 << 4 | Aff2 << 12 | Aff3 << 20; mpidr must be valid. */
    public static long index(long mpidr) {
        long aff0 = mpidr & 0xF;
        long aff1 = (mpidr >>> 8) & 0xFF;
        long aff2 = (mpidr >>> 16) & 0xFF;
        long aff3 = (mpidr >>> 24) & 0xFF;
        return aff0 | aff1 << 4 | aff2 << 12 | aff3 << 20;
    }
}
