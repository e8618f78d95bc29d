package io.ccatrace.model.host;

import java.util.Arrays;

/**
 * The host kernel's page allocator over the DRAM it gives to realms: granules come from a
 * free list (most recently freed first) and then from a bump pointer. Deterministic.
 */
public final class GranulePool {
    private final long base;
    private final long top;
    private long next;
    /** Freed granules, the most recently freed last (a stack of primitive PAs). */
    private long[] free = new long[64];
    private int freeCount;
    private long retired;

    public GranulePool(long base, long size) {
        this.base = base;
        this.top = base + size;
        this.next = base;
    }

    /** A free 4 KiB granule (its PAS is NS and it is UNDELEGATED while the host owns it). */
    public long alloc() {
        if (freeCount > 0) return free[--freeCount];
        if (Long.compareUnsigned(next, top) >= 0) {
            throw new IllegalStateException("host out of memory: DRAM pool of "
                    + ((top - base) >>> 20) + " MiB exhausted");
        }
        long pa = next;
        next += 4096;
        return pa;
    }

    /** n physically contiguous granules (for concatenated starting RTTs): bump only. */
    public long allocContiguous(int n) {
        long pa = next;
        next += 4096L * n;
        if (Long.compareUnsigned(next, top) > 0) throw new IllegalStateException("host out of memory");
        return pa;
    }

    public void free(long pa) {
        if (freeCount == free.length) free = Arrays.copyOf(free, 2 * freeCount);
        free[freeCount++] = pa;
    }

    /**
     * Takes a granule out of circulation for good: the RMM refused to delegate it, so something
     * other than this host's VMMs holds it (the host-fuzz scenario's hostile process delegates
     * pool pages at random). Handed out again, it would fail every later delegation.
     */
    public void retire() {
        retired++;
    }

    /** Granules taken out of circulation by {@link #retire}. */
    public long retired() {
        return retired;
    }

    public boolean contains(long pa) {
        return Long.compareUnsigned(pa, base) >= 0 && Long.compareUnsigned(pa, top) < 0;
    }

    /** Granules that can still be handed out (freed ones and those above the bump pointer). */
    public long available() {
        return freeCount + (top - next) / 4096;
    }

    /** Granules handed out and not yet returned (retired ones included). */
    public long inUse() {
        return (next - base) / 4096 - freeCount;
    }
}
