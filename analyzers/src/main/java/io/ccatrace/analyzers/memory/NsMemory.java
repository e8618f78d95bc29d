package io.ccatrace.analyzers.memory;

import io.ccatrace.analyzers.granule.GranuleSlots;
import io.ccatrace.trace.EventView;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes the host wrote to Non-secure memory (NS_WRITE payloads), per 4 KiB page, so the
 * analyzers can read RealmParams, RecParams, RecRun and DATA_CREATE sources the way the RMM
 * did. Memory never written reads as zero (the simulated DRAM starts zeroed). A page that
 * is delegated is dropped: delegation scrubs it (reference 4.3).
 */
public final class NsMemory {
    public static final int PAGE = 4096;
    private static final byte[] ZERO = new byte[PAGE];
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The pages written, by granule (dense below 1 TiB: a lookup is two array loads). */
    private final GranuleSlots<byte[]> pages;

    public NsMemory() {
        this(new GranuleSlots<>());
    }

    /** Over the given table (tests: the hash-map-only {@link GranuleSlots}). */
    NsMemory(GranuleSlots<byte[]> pages) {
        this.pages = pages;
    }

    /** Writes the row's payload at pa, copied straight from the row (nothing when it has none). */
    public void write(long pa, EventView e) {
        int length = e.payloadLength();
        int done = 0;
        while (done < length) {
            long at = pa + done;
            int off = (int) (at & (PAGE - 1));
            int n = Math.min(PAGE - off, length - done);
            e.copyPayload(done, pageFor(at), off, n);
            done += n;
        }
    }

    /** The page holding pa, created (zeroed) when never written. */
    private byte[] pageFor(long pa) {
        byte[] page = pages.get(pa);
        if (page == null) {
            page = new byte[PAGE];
            pages.put(pa, page);
        }
        return page;
    }

    /** The page holding pa (read-only view; zeros if never written). */
    public byte[] page(long pa) {
        byte[] p = pages.get(pa);
        return p == null ? ZERO : p;
    }

    /** Little-endian unsigned value of width bytes at pa (bytes past the end of pa's page read as zero). */
    public long read(long pa, int width) {
        byte[] p = page(pa);
        int off = (int) (pa & (PAGE - 1));
        // RecRun.enter.flags on every REC_ENTER (twice): one load when the bytes lie in the page
        if (width == 8 && off <= PAGE - 8) return (long) LONG_LE.get(p, off);
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (off + i < PAGE ? p[off + i] & 0xFF : 0);
        }
        return v;
    }

    /** Whether an NS_WRITE row put bytes in the page holding pa (since it was last delegated). */
    public boolean written(long pa) {
        return pages.get(pa) != null;
    }

    public void drop(long pa) {
        pages.remove(pa);
    }

    public int pages() {
        return pages.size();
    }
}
