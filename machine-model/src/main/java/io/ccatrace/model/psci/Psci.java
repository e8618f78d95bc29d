package io.ccatrace.model.psci;

import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunExit;

/** PSCI / SMCCC function ids and return codes used inside a realm (reference 1.5, 6.3). */
public final class Psci {
    public static final long SMCCC_VERSION = 0x80000000L;
    public static final long PSCI_VERSION = 0x84000000L;
    public static final long CPU_SUSPEND_32 = 0x84000001L, CPU_SUSPEND_64 = 0xC4000001L;
    public static final long CPU_OFF = 0x84000002L;
    public static final long CPU_ON_32 = 0x84000003L, CPU_ON_64 = 0xC4000003L;
    public static final long AFFINITY_INFO_32 = 0x84000004L, AFFINITY_INFO_64 = 0xC4000004L;
    public static final long SYSTEM_OFF = 0x84000008L, SYSTEM_RESET = 0x84000009L;
    public static final long PSCI_FEATURES = 0x8400000AL;

    public static final long SUCCESS = 0, NOT_SUPPORTED = -1, INVALID_PARAMETERS = -2,
            DENIED = -3, ALREADY_ON = -4, INVALID_ADDRESS = -9;
    /** AFFINITY_INFO results. */
    public static final long AFFINITY_ON = 0, AFFINITY_OFF = 1;

    private Psci() {
    }

    /** Whether fid is a PSCI function number (0x84000000..14 or 0xC4000000..14, reference 6.3). */
    public static boolean isPsciRange(long fid) {
        long base = fid & ~0xFFL;
        return (base == 0x84000000L || base == 0xC4000000L) && (fid & 0xFF) <= 0x14;
    }

    /** A PSCI exit: gprs[0] = FID, then the forwarded arguments, the rest zero (8.4). */
    public static RecRunExit exit(long fid, long... forwarded) {
        long[] g = new long[1 + forwarded.length];
        g[0] = fid;
        System.arraycopy(forwarded, 0, g, 1, forwarded.length);
        return RecRunExit.of(ExitReason.PSCI, 0, 0, 0, g);
    }
}
