package io.ccatrace.model.memory;

/**
 * Writes inside one granule after a single page lookup ({@link PhysicalMemory#writer}): for
 * a run of writes to one page, such as RMI_REC_ENTER filling RecRun.exit (a dozen fields),
 * where each {@link PhysicalMemory} write method finds the page again. Short-lived: take it,
 * write, drop it (it holds the granule's page, which a scrub of the granule releases).
 */
public final class GranuleWriter {
    private final byte[] page;
    private final long base;

    GranuleWriter(byte[] page, long base) {
        this.page = page;
        this.base = base;
    }

    /** Zeroes len bytes at pa. */
    public void zero(long pa, int len) {
        System.arraycopy(PhysicalMemory.ZERO, 0, page, offset(pa, len), len);
    }

    public void writeLong(long pa, long v) {
        PhysicalMemory.LE64.set(page, offset(pa, 8), v);
    }

    /** Writes n values of src as consecutive little-endian 64-bit values at pa. */
    public void writeLongs(long pa, long[] src, int n) {
        PhysicalMemory.putLongs(page, offset(pa, 8 * n), src, n);
    }

    /** Writes the low `width` bytes of v little-endian at pa. */
    public void writeNarrow(long pa, long v, int width) {
        PhysicalMemory.putNarrow(page, offset(pa, width), v, width);
    }

    /** Offset of pa in the page, if len bytes from pa stay inside this granule. */
    private int offset(long pa, int len) {
        long off = pa - base;
        if (off < 0 || len < 0 || off + len > PhysicalMemory.GRANULE_SIZE) throw outside(pa, len);
        return (int) off;
    }

    private IllegalArgumentException outside(long pa, int len) {
        return new IllegalArgumentException("0x" + Long.toHexString(pa) + "+" + len
                + " is outside the granule at 0x" + Long.toHexString(base));
    }
}
