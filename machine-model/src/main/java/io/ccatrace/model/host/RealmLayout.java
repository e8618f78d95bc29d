package io.ccatrace.model.host;

/**
 * The realm's platform as the VMM lays it out and describes it to the guest in its device
 * tree (kvmtool-like): RAM at 2 GiB, boot images inside RAM, a few kernel pages the guest
 * uses for RSI buffers, a bounce-buffer (swiotlb) pool at the top of RAM, and a UART and a
 * virtio-mmio device reached through the unprotected alias (reference 8.1, 13.2).
 */
public record RealmLayout(int s2sz, long ramBase, long ramSize) {
    public static final int S2SZ = 40;
    public static final long RAM_BASE = 0x8000_0000L;
    public static final int KERNEL_PAGES = 16;
    public static final int INITRD_PAGES = 8;
    public static final int SWIOTLB_PAGES = 64;
    public static final long UART = 0x0100_0000L;
    public static final long VIRTIO = 0x0a00_0000L;
    /** virtio-mmio registers (virtio 1.x, 4.2.2). */
    public static final int VIRTIO_QUEUE_NOTIFY = 0x50, VIRTIO_INTERRUPT_STATUS = 0x60,
            VIRTIO_INTERRUPT_ACK = 0x64;
    /** INTIDs: virtual timer PPI, UART and virtio SPIs. */
    public static final int INTID_VTIMER = 27, INTID_UART = 33, INTID_VIRTIO = 48;

    public static RealmLayout standard(long ramSize) {
        return new RealmLayout(S2SZ, RAM_BASE, ramSize);
    }

    public long ramTop() { return ramBase + ramSize; }
    /** The top IPA bit: the unprotected alias of IPA x is x | unprotectedBit (reference 8.1). */
    public long unprotectedBit() { return 1L << (s2sz - 1); }
    public long alias(long ipa) { return ipa | unprotectedBit(); }
    public boolean isUnprotected(long ipa) { return (ipa & unprotectedBit()) != 0; }
    public long kernel() { return ramBase; }
    public long initrd() { return ramBase + 0x10_0000L; }
    public long dtb() { return ramBase + 0x20_0000L; }
    /** Kernel pages the guest hands to RSI calls (BSS: RIPAS RAM, backed on first use). */
    public long configPage() { return ramBase + 0x4_0000L; }
    public long tokenPage() { return ramBase + 0x5_0000L; }
    public long hostCallPage() { return ramBase + 0x6_0000L; }
    /** Ordinary kernel memory the guest touches in its steady phase. */
    public long heapBase() { return ramBase + 0x30_0000L; }
    public long heapTop() { return swiotlbBase(); }
    public long swiotlbBase() { return ramTop() - SWIOTLB_PAGES * 4096L; }
    public long swiotlbTop() { return ramTop(); }
    public long uartIpa() { return alias(UART); }
    public long virtioIpa() { return alias(VIRTIO); }
    public boolean isUart(long ipa) { return ipa >= uartIpa() && ipa < uartIpa() + 0x1000; }
    public boolean isVirtio(long ipa) { return ipa >= virtioIpa() && ipa < virtioIpa() + 0x200; }
    /** Whether ipa is the shared alias of a RAM page (a bounce buffer the host backs). */
    public boolean isRamAlias(long ipa) {
        if (!isUnprotected(ipa)) return false;
        long p = ipa & ~unprotectedBit();
        return p >= ramBase && p < ramTop();
    }
    public boolean isRam(long ipa) { return ipa >= ramBase && ipa < ramTop(); }
}
