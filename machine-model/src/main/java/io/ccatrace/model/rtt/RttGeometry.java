package io.ccatrace.model.rtt;

/** RTT level arithmetic for the 4 KiB granule (reference 11.1, 11.3). */
public final class RttGeometry {
    public static final int ENTRIES = 512;
    public static final int MAX_LEVEL = 3;

    private RttGeometry() {
    }

    /** Bytes mapped by one entry at level (level -1..3). */
    public static long size(int level) {
        return 1L << shift(level);
    }

    /** Low IPA bit of the entry index at level. */
    public static int shift(int level) {
        return 12 + 9 * (3 - level);
    }

    /** Output addresses a realm without LPA2 may use are below 2^48 (reference 11.2). */
    public static boolean outputAddressInRange(long pa, boolean lpa2) {
        return lpa2 || Long.compareUnsigned(pa, 1L << 48) < 0;
    }

    public static boolean aligned(long addr, int level) {
        return (addr & (size(level) - 1)) == 0;
    }

    /**
     * Number of concatenated starting tables for (s2sz, level), or -1 when the pair is not
     * valid (reference 11.3). lpa2 allows level -1 and 49..52-bit widths.
     */
    public static int startingTables(int s2sz, int level, boolean lpa2) {
        if (level < -1 || level > 2) return -1;
        if (level == -1 && !lpa2) return -1;
        int maxWidth = lpa2 ? 52 : 48;
        if (s2sz < 32 || s2sz > maxWidth) return -1;
        int resolvedByOne = 12 + 9 * (4 - level);
        if (level == -1) resolvedByOne = 52;
        int minWidth = 12 + 9 * (3 - level) + 1;
        if (s2sz < minWidth) return -1;
        if (s2sz <= resolvedByOne) return 1;
        int extra = s2sz - resolvedByOne;
        if (extra > 4) return -1;
        if (level == 0 && !lpa2) return -1;
        return 1 << extra;
    }
}
