package io.ccatrace.model.rtt;

/**
 * The Host-controlled bits of an unprotected mapping (reference 4.17, RTT_MAP_UNPROTECTED
 * desc; also what RTT_READ_ENTRY reports for ASSIGNED_NS): OA in [47:12] aligned to the
 * mapping level, MemAttr in [4:2], S2AP in [7:6]; every other bit must be zero. Only the
 * 48-bit layout exists here: FEAT0 reports no LPA2, so no realm can use the LPA2 layout.
 */
public record NsDescriptor(long oa, long attrs) {
    public static final long MEMATTR = 0x7L << 2;
    public static final long S2AP = 0x3L << 6;
    /** MemAttr[4:2] value the reference lists as reserved. */
    public static final long MEMATTR_RESERVED = 0b100;
    private static final long OA_48 = 0x0000_FFFF_FFFF_F000L;

    /** The descriptor for a mapping at level, or null when desc is not valid there. */
    public static NsDescriptor parse(long desc, int level) {
        long oaMask = OA_48 & -RttGeometry.size(level);
        // attr_valid, addr_align, addr_bound: no bit outside OA (aligned, < 2^48), MemAttr, S2AP
        if ((desc & ~(oaMask | MEMATTR | S2AP)) != 0) return null;
        // attr_valid: reserved MemAttr encoding
        if (((desc & MEMATTR) >>> 2) == MEMATTR_RESERVED) return null;
        return new NsDescriptor(desc & oaMask, desc & (MEMATTR | S2AP));
    }

    /** The descriptor as the Host wrote it (and RTT_READ_ENTRY returns it). */
    public long encode() {
        return oa | attrs;
    }
}
