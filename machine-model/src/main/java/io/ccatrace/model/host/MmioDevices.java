package io.ccatrace.model.host;

/**
 * The VMM's emulated devices in the realm's unprotected half (reference 13.2): a PL011-like
 * UART (data register writes are console output) and a virtio-mmio block device whose
 * requests live in bounce buffers the guest shared with the host.
 */
public final class MmioDevices {
    private final RealmLayout layout;
    private long consoleBytes;
    private long virtioRequests;
    private int interruptStatus;

    public MmioDevices(RealmLayout layout) {
        this.layout = layout;
    }

    public boolean claims(long ipa) {
        return layout.isUart(ipa) || layout.isVirtio(ipa);
    }

    /** An emulated MMIO write; returns the INTID to raise, or -1. */
    public int write(long ipa, long value) {
        if (layout.isUart(ipa)) {
            consoleBytes++;
            return -1;
        }
        long reg = ipa - layout.virtioIpa();
        if (reg == RealmLayout.VIRTIO_QUEUE_NOTIFY) {
            virtioRequests++;
            interruptStatus |= 1;       // used buffer notification
            return RealmLayout.INTID_VIRTIO;
        }
        if (reg == RealmLayout.VIRTIO_INTERRUPT_ACK) {
            interruptStatus &= ~(int) value;
        }
        return -1;
    }

    /** An emulated MMIO read: the value for enter.gprs[0]. */
    public long read(long ipa) {
        if (layout.isUart(ipa)) {
            return 0x90;                // UARTFR: TX FIFO empty, RX FIFO empty
        }
        long reg = ipa - layout.virtioIpa();
        if (reg == RealmLayout.VIRTIO_INTERRUPT_STATUS) return interruptStatus;
        if (reg == 0) return 0x74726976; // MagicValue "virt"
        return 0;
    }

    public long consoleBytes() { return consoleBytes; }
    public long virtioRequests() { return virtioRequests; }
}
