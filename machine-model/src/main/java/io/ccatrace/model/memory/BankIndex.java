package io.ccatrace.model.memory;

import java.util.List;

/**
 * Finds the DRAM bank holding a physical address and the granule's index inside it: the
 * index every per-granule array (pages, GPT entries, granule records) is laid out by.
 * Remembers the last bank hit, since consecutive accesses nearly always share a bank.
 */
public final class BankIndex {
    private final long[] base;
    private final long[] size;
    /** The bank hit last, its base and size (fields, not array loads, on the hot path). */
    private int last;
    private long lastBase;
    private long lastSize;

    public BankIndex(List<DramBank> banks) {
        base = new long[banks.size()];
        size = new long[banks.size()];
        for (int i = 0; i < base.length; i++) {
            base[i] = banks.get(i).base();
            size[i] = banks.get(i).size();
        }
        if (base.length > 0) {
            lastBase = base[0];
            lastSize = size[0];
        }
    }

    /** Number of banks. */
    public int banks() {
        return base.length;
    }

    /** Granules in bank b. */
    public int granules(int b) {
        return Math.toIntExact(size[b] >>> PhysicalMemory.GRANULE_SHIFT);
    }

    /** Index of the bank holding pa, or -1 when pa is not DRAM. */
    public int bankOf(long pa) {
        if (Long.compareUnsigned(pa - lastBase, lastSize) < 0) return last;
        for (int i = 0; i < base.length; i++) {
            if (Long.compareUnsigned(pa - base[i], size[i]) < 0) {
                last = i;
                lastBase = base[i];
                lastSize = size[i];
                return i;
            }
        }
        return -1;
    }

    /** Index of the granule holding pa inside bank b (pa must be in bank b). */
    public int granule(int b, long pa) {
        return (int) ((pa - (b == last ? lastBase : base[b])) >>> PhysicalMemory.GRANULE_SHIFT);
    }

    /** Base address of the granule with index i in bank b. */
    public long address(int b, int i) {
        return base[b] + ((long) i << PhysicalMemory.GRANULE_SHIFT);
    }
}
