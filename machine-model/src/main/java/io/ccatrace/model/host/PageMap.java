package io.ccatrace.model.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sorted map from 4 KiB-aligned non-negative addresses (IPAs or PAs) to longs, for the
 * host's per-page bookkeeping: one slot per page in 2 MiB chunks of 512 pages, so a lookup,
 * insert or removal is an array access instead of a
 * walk over boxed tree nodes (chunks are found by binary search over their numbers, the
 * chunk of the last access is kept); keys come out in ascending order. A key that is not page
 * aligned or is negative is never present; putting one is an error.
 */
final class PageMap {
    private static final int PAGE_SHIFT = 12, CHUNK_SHIFT = 21, SLOTS = 1 << (CHUNK_SHIFT - PAGE_SHIFT);

    /** 512 pages: their values and which of them are present. */
    private static final class Chunk {
        final long[] values = new long[SLOTS];
        final long[] present = new long[SLOTS / 64];
    }

    /** Chunk numbers (key >>> 21) in ascending order, and their chunks. */
    private long[] numbers = new long[8];
    private Chunk[] chunks = new Chunk[8];
    private int count;
    private long lastIndex = -1;
    private Chunk last;
    private int size;

    int size() {
        return size;
    }

    boolean contains(long key) {
        Chunk c = valid(key) ? chunk(key >>> CHUNK_SHIFT, false) : null;
        return c != null && isSet(c, slot(key));
    }

    /** The value of key; key must be present. */
    long get(long key) {
        if (!contains(key)) throw new IllegalArgumentException("no entry for 0x" + Long.toHexString(key));
        return last.values[slot(key)];
    }

    /** The value of key, or null when it is absent. */
    Long getOrNull(long key) {
        return contains(key) ? last.values[slot(key)] : null;
    }

    void put(long key, long value) {
        if (!valid(key)) throw new IllegalArgumentException("not a page address: 0x" + Long.toHexString(key));
        Chunk c = chunk(key >>> CHUNK_SHIFT, true);
        int s = slot(key);
        if (!isSet(c, s)) {
            c.present[s >>> 6] |= 1L << s;
            size++;
        }
        c.values[s] = value;
    }

    /** Removes key; whether it was present. */
    boolean remove(long key) {
        if (!contains(key)) return false;
        int s = slot(key);
        last.present[s >>> 6] &= ~(1L << s);
        last.values[s] = 0;
        size--;
        return true;
    }

    /** Keys k with from <= k < to, ascending (from > to is an error, as for a sorted map's sub-map). */
    List<Long> keysIn(long from, long to) {
        if (from > to) throw new IllegalArgumentException("fromKey > toKey");
        List<Long> out = new ArrayList<>();
        if (to <= 0) return out;
        long lo = Math.max(from, 0);
        long lastNumber = (to - 1) >>> CHUNK_SHIFT;
        int first = find(lo >>> CHUNK_SHIFT);
        for (int i = first >= 0 ? first : -first - 1; i < count && numbers[i] <= lastNumber; i++) {
            long base = numbers[i] << CHUNK_SHIFT;
            long[] present = chunks[i].present;
            for (int w = 0; w < present.length; w++) {
                for (long bits = present[w]; bits != 0; bits &= bits - 1) {
                    long key = base + ((long) (64 * w + Long.numberOfTrailingZeros(bits)) << PAGE_SHIFT);
                    if (key >= lo && key < to) out.add(key);
                }
            }
        }
        return out;
    }

    /** All keys, ascending. */
    List<Long> keys() {
        return keysIn(0, Long.MAX_VALUE);
    }

    private static boolean valid(long key) {
        return key >= 0 && (key & ((1L << PAGE_SHIFT) - 1)) == 0;
    }

    private static int slot(long key) {
        return (int) (key >>> PAGE_SHIFT) & (SLOTS - 1);
    }

    private static boolean isSet(Chunk c, int s) {
        return (c.present[s >>> 6] & (1L << s)) != 0;
    }

    /** The chunk with this index (created when asked to), remembered as the last one used. */
    private Chunk chunk(long index, boolean create) {
        if (index == lastIndex) return last;
        int i = find(index);
        Chunk c;
        if (i >= 0) {
            c = chunks[i];
        } else if (!create) {
            return null;
        } else {
            c = insert(-i - 1, index);
        }
        lastIndex = index;
        last = c;
        return c;
    }

    /** Position of chunk number n in {@link #numbers}, or -(insertion point) - 1. */
    private int find(long n) {
        int lo = 0, hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (numbers[mid] < n) {
                lo = mid + 1;
            } else if (numbers[mid] > n) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    private Chunk insert(int at, long n) {
        if (count == numbers.length) {
            numbers = Arrays.copyOf(numbers, 2 * count);
            chunks = Arrays.copyOf(chunks, 2 * count);
        }
        System.arraycopy(numbers, at, numbers, at + 1, count - at);
        System.arraycopy(chunks, at, chunks, at + 1, count - at);
        Chunk c = new Chunk();
        numbers[at] = n;
        chunks[at] = c;
        count++;
        return c;
    }
}
