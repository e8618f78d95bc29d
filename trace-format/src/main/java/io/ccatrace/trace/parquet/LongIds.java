package io.ccatrace.trace.parquet;

import java.util.Arrays;

/** Dictionary ids of 64-bit values in first-seen order (open addressing, no boxing). */
final class LongIds {
    private long[] keys = new long[1024];
    private int[] slots = new int[1024];
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
        int mask = slots.length - 1;
        for (int i = spread(v) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) return add(v, i);
            if (keys[i] == v) return s - 1;
        }
    }

    private int add(long v, int slot) {
        keys[slot] = v;
        slots[slot] = size + 1;
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size] = v;
        size++;
        if (2 * size > slots.length) grow();
        return size - 1;
    }

    private void grow() {
        long[] ok = keys;
        int[] os = slots;
        keys = new long[2 * ok.length];
        slots = new int[keys.length];
        int mask = slots.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (os[j] == 0) continue;
            int i = spread(ok[j]) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            keys[i] = ok[j];
            slots[i] = os[j];
        }
    }

    private static int spread(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    void clear() {
        Arrays.fill(slots, 0);
        size = 0;
    }
}
