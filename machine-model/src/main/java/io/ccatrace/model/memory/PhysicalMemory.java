package io.ccatrace.model.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * DRAM banks divided into 4 KiB granules holding real bytes. Pages are allocated on first
 * write (sparse); an unwritten granule reads as zero. Knows nothing of PAS or ownership.
 * A page released by {@link #scrub} is kept (up to {@value #SPARE_PAGES}) and zeroed when a
 * write needs a page again: the host destroys and the guest touches fresh memory all the
 * time, and a fresh 4 KiB array per touched granule was a fifth of the bytes the model
 * allocated per event. Page arrays never leave this class but for a {@link GranuleWriter}
 * while it is used, so a kept page is referenced from nowhere else.
 */
public final class PhysicalMemory {
    public static final int GRANULE_SHIFT = 12;
    public static final long GRANULE_SIZE = 1L << GRANULE_SHIFT;

    static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE16 =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /** Source of zero bytes for {@link #zero} (a copy is an intrinsic even before JIT). */
    static final byte[] ZERO = new byte[(int) GRANULE_SIZE];

    private final List<DramBank> banks;
    private final BankIndex index;
    private final byte[][][] pages;
    /** Released pages, most recent last (their content is stale until taken and zeroed). */
    private final byte[][] spare = new byte[SPARE_PAGES][];
    private int spareCount;

    /** Released pages kept for reuse at most (1 MiB). */
    static final int SPARE_PAGES = 256;

    public PhysicalMemory(List<DramBank> banks) {
        this.banks = List.copyOf(banks);
        this.index = new BankIndex(this.banks);
        this.pages = new byte[this.banks.size()][][];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = new byte[index.granules(i)][];
        }
    }

    public List<DramBank> banks() {
        return banks;
    }

    /** Index of the bank holding pa, or -1 when pa is not DRAM. */
    public int bankOf(long pa) {
        return index.bankOf(pa);
    }

    /** Index of the granule holding pa inside bank (pa must be in that bank). */
    public int granuleIndex(int bank, long pa) {
        return index.granule(bank, pa);
    }

    public boolean isDram(long pa) {
        return bankOf(pa) >= 0;
    }

    public static boolean isGranuleAligned(long pa) {
        return (pa & (GRANULE_SIZE - 1)) == 0;
    }

    /** Copy of the 4 KiB granule containing pa. */
    public byte[] readGranule(long pa) {
        byte[] p = page(pa, false);
        return p == null ? new byte[(int) GRANULE_SIZE] : p.clone();
    }

    /** Reads len bytes at pa; the range must stay inside one granule. */
    public byte[] read(long pa, int len) {
        checkInGranule(pa, len);
        return copy(page(pa, false), pa, len);
    }

    /**
     * As {@link #read(long, int)} for a pa whose bank the caller has found already
     * ({@link #bankOf}, not -1): one bank lookup for a check and the copy.
     */
    public byte[] read(int bank, long pa, int len) {
        checkInGranule(pa, len);
        return copy(pages[bank][index(bank, pa)], pa, len);
    }

    private static byte[] copy(byte[] p, long pa, int len) {
        int off = (int) (pa & (GRANULE_SIZE - 1));
        return p == null ? new byte[len] : Arrays.copyOfRange(p, off, off + len);
    }

    /** Little-endian 64-bit read inside one granule. */
    public long readLong(long pa) {
        checkInGranule(pa, 8);
        byte[] p = page(pa, false);
        return p == null ? 0 : (long) LE64.get(p, (int) (pa & (GRANULE_SIZE - 1)));
    }

    /** Reads dst.length consecutive little-endian 64-bit values at pa (inside one granule). */
    public void readLongs(long pa, long[] dst) {
        checkInGranule(pa, 8 * dst.length);
        byte[] p = page(pa, false);
        if (p == null) {
            Arrays.fill(dst, 0);
            return;
        }
        int off = (int) (pa & (GRANULE_SIZE - 1));
        for (int i = 0; i < dst.length; i++) dst[i] = (long) LE64.get(p, off + 8 * i);
    }

    /** Writes n values of src as consecutive little-endian 64-bit values at pa (one granule). */
    public void writeLongs(long pa, long[] src, int n) {
        checkInGranule(pa, 8 * n);
        putLongs(page(pa, true), (int) (pa & (GRANULE_SIZE - 1)), src, n);
    }

    static void putLongs(byte[] p, int off, long[] src, int n) {
        for (int i = 0; i < n; i++) LE64.set(p, off + 8 * i, src[i]);
    }

    /** Copies len bytes at pa into dst at off; the range must stay inside one granule. */
    public void read(long pa, byte[] dst, int off, int len) {
        checkInGranule(pa, len);
        byte[] p = page(pa, false);
        if (p == null) {
            Arrays.fill(dst, off, off + len, (byte) 0);
        } else {
            System.arraycopy(p, (int) (pa & (GRANULE_SIZE - 1)), dst, off, len);
        }
    }

    /** Writes bytes at pa; the range must stay inside one granule. */
    public void write(long pa, byte[] bytes) {
        checkInGranule(pa, bytes.length);
        put(page(pa, true), pa, bytes);
    }

    /** As {@link #write(long, byte[])} for a pa in bank ({@link #bankOf}, not -1). */
    public void write(int bank, long pa, byte[] bytes) {
        checkInGranule(pa, bytes.length);
        put(page(bank, pa, true), pa, bytes);
    }

    private static void put(byte[] p, long pa, byte[] bytes) {
        System.arraycopy(bytes, 0, p, (int) (pa & (GRANULE_SIZE - 1)), bytes.length);
    }

    public void writeLong(long pa, long v) {
        checkInGranule(pa, 8);
        LE64.set(page(pa, true), (int) (pa & (GRANULE_SIZE - 1)), v);
    }

    /** Writes the low `width` bytes of v little-endian at pa (inside one granule). */
    public void writeNarrow(long pa, long v, int width) {
        checkInGranule(pa, width);
        putNarrow(page(pa, true), (int) (pa & (GRANULE_SIZE - 1)), v, width);
    }

    /** The guest's access sizes (8, 4, 2, 1) as one store each; other widths byte by byte. */
    static void putNarrow(byte[] p, int off, long v, int width) {
        switch (width) {
            case 8: LE64.set(p, off, v); break;
            case 4: LE32.set(p, off, (int) v); break;
            case 2: LE16.set(p, off, (short) v); break;
            default:
                for (int i = 0; i < width; i++) p[off + i] = (byte) (v >>> (8 * i));
        }
    }

    /**
     * A writer for the granule at pa (created if unwritten): one page lookup for a run of
     * writes inside it, where each write method here looks the page up again.
     */
    public GranuleWriter writer(long pa) {
        return new GranuleWriter(page(pa, true), pa & ~(GRANULE_SIZE - 1));
    }

    /** Reads `width` bytes at pa as a little-endian unsigned value (inside one granule). */
    public long readNarrow(long pa, int width) {
        checkInGranule(pa, width);
        byte[] p = page(pa, false);
        if (p == null) return 0;
        int off = (int) (pa & (GRANULE_SIZE - 1));
        switch (width) {
            case 8: return (long) LE64.get(p, off);
            case 4: return Integer.toUnsignedLong((int) LE32.get(p, off));
            case 2: return Short.toUnsignedLong((short) LE16.get(p, off));
            default:
                long v = 0;
                for (int i = width - 1; i >= 0; i--) v = (v << 8) | (p[off + i] & 0xFF);
                return v;
        }
    }

    /** Zeroes len bytes at pa (inside one granule). */
    public void zero(long pa, int len) {
        checkInGranule(pa, len);
        byte[] p = page(pa, false);
        if (p == null) return;
        System.arraycopy(ZERO, 0, p, (int) (pa & (GRANULE_SIZE - 1)), len);
    }

    /** Zeroes the granule at pa (the page is released: zero pages cost nothing). */
    public void scrub(long pa) {
        int bank = requireBank(pa);
        int idx = index(bank, pa);
        byte[] p = pages[bank][idx];
        if (p == null) return;
        pages[bank][idx] = null;
        if (spareCount < SPARE_PAGES) spare[spareCount++] = p;
    }

    /** Whether the granule at pa holds only zero bytes. */
    public boolean isZero(long pa) {
        byte[] p = page(pa, false);
        if (p == null) return true;
        for (byte b : p) {
            if (b != 0) return false;
        }
        return true;
    }

    private byte[] page(long pa, boolean create) {
        return page(requireBank(pa), pa, create);
    }

    private byte[] page(int bank, long pa, boolean create) {
        int idx = index(bank, pa);
        byte[] p = pages[bank][idx];
        if (p == null && create) {
            p = freshPage();
            pages[bank][idx] = p;
        }
        return p;
    }

    /** A zeroed page: a released one when there is one, else a new one. */
    private byte[] freshPage() {
        if (spareCount == 0) return new byte[(int) GRANULE_SIZE];
        byte[] p = spare[--spareCount];
        spare[spareCount] = null;
        System.arraycopy(ZERO, 0, p, 0, p.length);
        return p;
    }

    private int index(int bank, long pa) {
        return index.granule(bank, pa);
    }

    private int requireBank(long pa) {
        int bank = bankOf(pa);
        if (bank < 0) {
            throw new IllegalArgumentException("PA 0x" + Long.toHexString(pa) + " is not DRAM");
        }
        return bank;
    }

    private static void checkInGranule(long pa, int len) {
        if (len < 0 || (pa & (GRANULE_SIZE - 1)) + len > GRANULE_SIZE) {
            throw new IllegalArgumentException("access crosses a granule: 0x"
                    + Long.toHexString(pa) + "+" + len);
        }
    }
}
