package io.ccatrace.model.memory;

import java.util.Arrays;
import java.util.List;

/**
 * DRAM banks divided into 4 KiB granules holding real bytes. Pages are allocated on first
 * write (sparse); an unwritten granule reads as zero. Knows nothing of PAS or ownership.
 */
public final class PhysicalMemory {
    public static final int GRANULE_SHIFT = 12;
    public static final long GRANULE_SIZE = 1L << GRANULE_SHIFT;

    private final List<DramBank> banks;
    private final byte[][][] pages;

    public PhysicalMemory(List<DramBank> banks) {
        this.banks = List.copyOf(banks);
        this.pages = new byte[this.banks.size()][][];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = new byte[Math.toIntExact(this.banks.get(i).size() >>> GRANULE_SHIFT)][];
        }
    }

    public List<DramBank> banks() {
        return banks;
    }

    /** Index of the bank holding pa, or -1 when pa is not DRAM. */
    public int bankOf(long pa) {
        for (int i = 0; i < banks.size(); i++) {
            if (banks.get(i).contains(pa)) return i;
        }
        return -1;
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
        byte[] p = page(pa, false);
        int off = (int) (pa & (GRANULE_SIZE - 1));
        return p == null ? new byte[len] : Arrays.copyOfRange(p, off, off + len);
    }

    /** Little-endian 64-bit read inside one granule. */
    public long readLong(long pa) {
        byte[] b = read(pa, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[i] & 0xFF);
        return v;
    }

    /** Writes bytes at pa; the range must stay inside one granule. */
    public void write(long pa, byte[] bytes) {
        checkInGranule(pa, bytes.length);
        byte[] p = page(pa, true);
        System.arraycopy(bytes, 0, p, (int) (pa & (GRANULE_SIZE - 1)), bytes.length);
    }

    public void writeLong(long pa, long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        write(pa, b);
    }

    /** Zeroes the granule at pa (the page is released: zero pages cost nothing). */
    public void scrub(long pa) {
        int bank = requireBank(pa);
        pages[bank][index(bank, pa)] = null;
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
        int bank = requireBank(pa);
        int idx = index(bank, pa);
        byte[] p = pages[bank][idx];
        if (p == null && create) {
            p = new byte[(int) GRANULE_SIZE];
            pages[bank][idx] = p;
        }
        return p;
    }

    private int index(int bank, long pa) {
        return (int) ((pa - banks.get(bank).base()) >>> GRANULE_SHIFT);
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
