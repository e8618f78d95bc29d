package io.ccatrace.analyzers.engine;

import java.util.Arrays;

/**
 * Open-addressing hash map from a long key to two long values and an optional object, with
 * linear probing and backward-shift deletion. No boxing: the shadow state's hot path (one
 * lookup per event keyed by PA or IPA) allocates nothing. Iteration order is the slot order,
 * which depends only on the keys inserted, so it is deterministic; callers that print still
 * sort.
 */
public final class LongMap<V> {
    private static final long FREE = Long.MIN_VALUE;

    /**
     * Key, a and b of slot i at [3i], [3i + 1], [3i + 2]: a probe and the values it finds
     * share a cache line (three parallel arrays cost up to three misses per lookup in a
     * table larger than the cache, such as the granule table of a long trace).
     */
    private long[] kab;
    private Object[] objs;
    private int size;
    private int mask;
    /** Bumped whenever slots may move (an insert, a removal): recent slots older than it are stale. */
    private long moves;
    /** {@link #findRecent}'s small direct-mapped table: key, value of moves when found, slot. */
    private long[] recentKeys;
    private long[] recentMoves;
    private int[] recentSlots;

    public LongMap() {
        this(16);
    }

    public LongMap(int capacity) {
        int cap = Integer.highestOneBit(Math.max(8, capacity) * 2 - 1);
        alloc(cap);
    }

    private void alloc(int cap) {
        kab = new long[3 * cap];
        for (int i = 0; i < kab.length; i += 3) kab[i] = FREE;
        objs = new Object[cap];
        mask = cap - 1;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }

    /** Slot of key, or -1. Keys must not be Long.MIN_VALUE. */
    public int find(long key) {
        int i = hash(key) & mask;
        while (true) {
            long k = kab[3 * i];
            if (k == key) return i;
            if (k == FREE) return -1;
            i = (i + 1) & mask;
        }
    }

    /**
     * {@link #find}, through a small table of the keys found lately (64 entries, a few KiB
     * that stay in the first-level cache). A table as large as the granule table of a long
     * trace does not stay in the cache while the trace's columns stream through it, so a
     * probe of a key asked about on many rows (the RecRun pages, the RECs) is a miss every
     * time; here it is three loads from lines just used.
     */
    public int findRecent(long key) {
        if (recentKeys == null) {
            recentKeys = new long[RECENT];
            recentMoves = new long[RECENT];
            recentSlots = new int[RECENT];
            java.util.Arrays.fill(recentMoves, -1);
        }
        int i = (int) (key ^ (key >>> 6) ^ (key >>> 12)) & (RECENT - 1);
        if (recentKeys[i] == key && recentMoves[i] == moves) return recentSlots[i];
        int s = find(key);
        recentKeys[i] = key;
        recentMoves[i] = moves;
        recentSlots[i] = s;
        return s;
    }

    private static final int RECENT = 64;

    public boolean contains(long key) {
        return find(key) >= 0;
    }

    /** Slot of key, inserting it with zero values and a null object if absent. */
    public int slot(long key) {
        if (key == FREE) throw new IllegalArgumentException("reserved key");
        int i = hash(key) & mask;
        while (true) {
            long k = kab[3 * i];
            if (k == key) return i;
            if (k == FREE) break;
            i = (i + 1) & mask;
        }
        if ((size + 1) * 4 > capacity() * 3) {
            grow();
            return slot(key);
        }
        moves++;
        kab[3 * i] = key;
        kab[3 * i + 1] = 0;
        kab[3 * i + 2] = 0;
        objs[i] = null;
        size++;
        return i;
    }

    private void grow() {
        moves++;
        long[] old = kab;
        Object[] oo = objs;
        alloc(2 * objs.length);
        size = 0;
        for (int j = 0; j < oo.length; j++) {
            if (old[3 * j] != FREE) {
                int s = slot(old[3 * j]);
                kab[3 * s + 1] = old[3 * j + 1];
                kab[3 * s + 2] = old[3 * j + 2];
                objs[s] = oo[j];
            }
        }
    }

    public long keyAt(int slot) { return kab[3 * slot]; }
    public long a(int slot) { return kab[3 * slot + 1]; }
    public long b(int slot) { return kab[3 * slot + 2]; }
    @SuppressWarnings("unchecked")
    public V obj(int slot) { return (V) objs[slot]; }
    public void setA(int slot, long v) { kab[3 * slot + 1] = v; }
    public void setB(int slot, long v) { kab[3 * slot + 2] = v; }
    public void setObj(int slot, V v) { objs[slot] = v; }

    /** The object stored for key, or null. */
    public V get(long key) {
        int s = find(key);
        return s < 0 ? null : obj(s);
    }

    public void put(long key, V v) {
        // slot() first: it may grow the table, and `objs[slot(key)] = v` would evaluate the old
        // objs array before the call and store into it (lost, or out of its bounds)
        int s = slot(key);
        objs[s] = v;
    }

    public int size() {
        return size;
    }

    /** Removes every entry, keeping the capacity. */
    public void clear() {
        moves++;
        for (int i = 0; i < kab.length; i += 3) kab[i] = FREE;
        Arrays.fill(objs, null);
        size = 0;
    }

    /** Removes key if present; returns whether it was present. */
    public boolean remove(long key) {
        int i = find(key);
        if (i < 0) return false;
        moves++;
        size--;
        // backward-shift deletion keeps probe chains intact without tombstones
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = kab[3 * j];
            if (k == FREE) break;
            int home = hash(k) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                kab[3 * hole] = k;
                kab[3 * hole + 1] = kab[3 * j + 1];
                kab[3 * hole + 2] = kab[3 * j + 2];
                objs[hole] = objs[j];
                hole = j;
            }
        }
        kab[3 * hole] = FREE;
        objs[hole] = null;
        return true;
    }

    /** Number of slots, for iteration with {@link #used(int)}. */
    public int capacity() {
        return objs.length;
    }

    public boolean used(int slot) {
        return kab[3 * slot] != FREE;
    }

    /** The keys present, sorted ascending (for deterministic output). */
    public long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < kab.length; i += 3) {
            if (kab[i] != FREE) out[n++] = kab[i];
        }
        Arrays.sort(out);
        return out;
    }
}
