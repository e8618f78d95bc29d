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

    private long[] keys;
    private long[] a;
    private long[] b;
    private Object[] objs;
    private int size;
    private int mask;

    public LongMap() {
        this(16);
    }

    public LongMap(int capacity) {
        int cap = Integer.highestOneBit(Math.max(8, capacity) * 2 - 1);
        alloc(cap);
    }

    private void alloc(int cap) {
        keys = new long[cap];
        Arrays.fill(keys, FREE);
        a = new long[cap];
        b = new long[cap];
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
            long k = keys[i];
            if (k == key) return i;
            if (k == FREE) return -1;
            i = (i + 1) & mask;
        }
    }

    public boolean contains(long key) {
        return find(key) >= 0;
    }

    /** Slot of key, inserting it with zero values and a null object if absent. */
    public int slot(long key) {
        if (key == FREE) throw new IllegalArgumentException("reserved key");
        int i = hash(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) return i;
            if (k == FREE) break;
            i = (i + 1) & mask;
        }
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
            return slot(key);
        }
        keys[i] = key;
        a[i] = 0;
        b[i] = 0;
        objs[i] = null;
        size++;
        return i;
    }

    private void grow() {
        long[] ok = keys;
        long[] oa = a;
        long[] ob = b;
        Object[] oo = objs;
        alloc(ok.length * 2);
        size = 0;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != FREE) {
                int s = slot(ok[j]);
                a[s] = oa[j];
                b[s] = ob[j];
                objs[s] = oo[j];
            }
        }
    }

    public long keyAt(int slot) { return keys[slot]; }
    public long a(int slot) { return a[slot]; }
    public long b(int slot) { return b[slot]; }
    @SuppressWarnings("unchecked")
    public V obj(int slot) { return (V) objs[slot]; }
    public void setA(int slot, long v) { a[slot] = v; }
    public void setB(int slot, long v) { b[slot] = v; }
    public void setObj(int slot, V v) { objs[slot] = v; }

    /** The object stored for key, or null. */
    public V get(long key) {
        int s = find(key);
        return s < 0 ? null : obj(s);
    }

    public void put(long key, V v) {
        objs[slot(key)] = v;
    }

    public int size() {
        return size;
    }

    /** Removes every entry, keeping the capacity. */
    public void clear() {
        Arrays.fill(keys, FREE);
        Arrays.fill(objs, null);
        size = 0;
    }

    /** Removes key if present; returns whether it was present. */
    public boolean remove(long key) {
        int i = find(key);
        if (i < 0) return false;
        size--;
        // backward-shift deletion keeps probe chains intact without tombstones
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == FREE) break;
            int home = hash(k) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = k;
                a[hole] = a[j];
                b[hole] = b[j];
                objs[hole] = objs[j];
                hole = j;
            }
        }
        keys[hole] = FREE;
        objs[hole] = null;
        return true;
    }

    /** Number of slots, for iteration with {@link #used(int)}. */
    public int capacity() {
        return keys.length;
    }

    public boolean used(int slot) {
        return keys[slot] != FREE;
    }

    /** The keys present, sorted ascending (for deterministic output). */
    public long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != FREE) out[n++] = k;
        }
        Arrays.sort(out);
        return out;
    }
}
