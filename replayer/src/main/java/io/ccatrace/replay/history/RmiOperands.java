package io.ccatrace.replay.history;

/**
 * Which registers of an RMI call are physical addresses of granules it acts on, and which
 * name an IPA range, by the argument order of 1.0 (reference section 3; EAC5 has the same
 * order, 12.2). The other registers are values (levels, flags, PSCI status, a RIPAS top's
 * scan limit...) that may equal an address by chance: in the default machine the realm's
 * IPA space and DRAM both start at 0x80000000, so matching every register made the RTT and
 * DATA calls on IPA 0x80000000 look like calls on the granule at PA 0x80000000.
 */
final class RmiOperands {
    private static final long GRANULE = ~0xFFFL;
    /** Output-address bits of an RTT_MAP_UNPROTECTED descriptor (48-bit PA, 4 KiB granule). */
    private static final long DESC_ADDR = 0x0000_FFFF_FFFF_F000L;

    private RmiOperands() {
    }

    /**
     * Whether a successful call returned g as the granule it freed: DATA_DESTROY's data PA and
     * RTT_DESTROY's and RTT_FOLD's table PA in x1 (reference section 3). Their operands name
     * only the RD and an IPA, so without this a granule's history showed the GRANULE_STATE
     * 'by N' of a call it did not list.
     */
    static boolean returnsGranule(String cmd, String status, long[] out, long g) {
        if (!"RMI_SUCCESS".equals(status) || out == null || out.length == 0 || out[0] != g) return false;
        return cmd.equals("RMI_DATA_DESTROY") || cmd.equals("RMI_RTT_DESTROY") || cmd.equals("RMI_RTT_FOLD");
    }

    /** Whether the call names the granule g (4 KiB aligned) as one of the granules it acts on. */
    static boolean namesGranule(String cmd, long[] a, long g) {
        switch (cmd) {
            case "RMI_GRANULE_DELEGATE": case "RMI_GRANULE_UNDELEGATE":
            case "RMI_REALM_ACTIVATE": case "RMI_REALM_DESTROY": case "RMI_REC_AUX_COUNT":
            case "RMI_REC_DESTROY": case "RMI_DATA_DESTROY": case "RMI_RTT_DESTROY":
            case "RMI_RTT_FOLD": case "RMI_RTT_READ_ENTRY": case "RMI_RTT_UNMAP_UNPROTECTED":
            case "RMI_RTT_INIT_RIPAS":
                return is(a, 0, g); // x1 addr, rd or rec
            case "RMI_REALM_CREATE": case "RMI_REC_ENTER": case "RMI_DATA_CREATE_UNKNOWN":
            case "RMI_RTT_CREATE": case "RMI_PSCI_COMPLETE": case "RMI_RTT_SET_RIPAS":
                return is(a, 0, g) || is(a, 1, g); // x1 rd / rec, x2 params, run, data, rtt, target or rec
            case "RMI_REC_CREATE":
                return is(a, 0, g) || is(a, 1, g) || is(a, 2, g); // rd, rec, params
            case "RMI_DATA_CREATE":
                return is(a, 0, g) || is(a, 1, g) || is(a, 3, g); // rd, data, src
            case "RMI_RTT_MAP_UNPROTECTED":
                return is(a, 0, g) || a.length > 3 && (a[3] & DESC_ADDR) == g; // rd, the NS page in desc
            default:
                return false; // VERSION, FEATURES, and commands no 1.0 RMM has
        }
    }

    /** Whether the call acts on the IPA: its entry, table or [base, top) range covers it. */
    static boolean coversIpa(String cmd, long[] a, long ipa) {
        switch (cmd) {
            case "RMI_DATA_CREATE": case "RMI_DATA_CREATE_UNKNOWN":
                return a.length > 2 && (a[2] & GRANULE) == (ipa & GRANULE);
            case "RMI_DATA_DESTROY":
                return a.length > 1 && (a[1] & GRANULE) == (ipa & GRANULE);
            case "RMI_RTT_CREATE": // rd, rtt, ipa, level: the new table spans an entry of level - 1
                return a.length > 3 && entry(a[2], a[3] - 1, ipa);
            case "RMI_RTT_DESTROY": case "RMI_RTT_FOLD": // rd, ipa, level: the table at level
                return a.length > 2 && entry(a[1], a[2] - 1, ipa);
            case "RMI_RTT_MAP_UNPROTECTED": case "RMI_RTT_UNMAP_UNPROTECTED": case "RMI_RTT_READ_ENTRY":
                return a.length > 2 && entry(a[1], a[2], ipa);
            case "RMI_RTT_INIT_RIPAS":
                return a.length > 2 && within(ipa, a[1], a[2]);
            case "RMI_RTT_SET_RIPAS":
                return a.length > 3 && within(ipa, a[2], a[3]);
            default:
                return false;
        }
    }

    /** Whether the entry at level whose IPA is entryIpa covers ipa (levels -1..3; other levels: only its granule). */
    private static boolean entry(long entryIpa, long level, long ipa) {
        int l = level >= -1 && level <= 3 ? (int) level : 3;
        return (ipa & -(1L << (12 + 9 * (3 - l)))) == entryIpa;
    }

    static boolean within(long addr, long base, long top) {
        return Long.compareUnsigned(addr, base) >= 0 && Long.compareUnsigned(addr, top) < 0;
    }

    private static boolean is(long[] a, int i, long g) {
        return a.length > i && a[i] == g;
    }
}
