package io.ccatrace.trace.parquet;

import java.util.Arrays;

/**
 * Dictionary ids of 64-bit values in first-seen order (open addressing, no boxing). A slot is
 * two adjacent longs, the key and its id + 1 (0: empty), so a probe touches one cache line.
 */
final class LongIds {
    private long[] table = new long[2048];
    private long[] values = new long[512];
    private int size;

    int size() {
        return size;
    }

    /** The values in id order (shared array: the first size() entries). */
    long[] values() {
        return values;
    }

    int idOf(long v) {
        long[] t = table;
        int mask = t.length - 2;
        for (int i = (spread(v) << 1) & mask; ; i = (i + 2) & mask) {
            long s = t[i + 1];
            if (s == 0) return add(v, i);
            if (t[i] == v) return (int) s - 1;
        }
    }

    private int add(long v, int slot) {
        table[slot] = v;
        table[slot + 1] = size + 1;
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size] = v;
        size++;
        if (4 * size > table.length) grow();
        return size - 1;
    }

    private void grow() {
        long[] old = table;
        table = new long[2 * old.length];
        int mask = table.length - 2;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j + 1] == 0) continue;
            int i = (spread(old[j]) << 1) & mask;
            while (table[i + 1] != 0) i = (i + 2) & mask;
            table[i] = old[j];
            table[i + 1] = old[j + 1];
        }
    }

    private static int spread(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    void clear() {
        Arrays.fill(table, 0L);
        size = 0;
    }
}
