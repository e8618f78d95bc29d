package io.ccatrace.trace.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Dictionary ids of byte strings (the payload column) in first-seen order: open addressing
 * on a 64-bit hash of the bytes read 8 at a time, equal hashes confirmed by comparing the
 * bytes. The distinct values are kept (copied) in id order, with their total length.
 */
final class BytesIds {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] hashes = new long[1024];
    private int[] slots = new int[1024];
    private byte[][] values = new byte[256][];
    private int size;
    private long bytes;

    int size() {
        return size;
    }

    /** Total length of the distinct values. */
    long bytes() {
        return bytes;
    }

    /** The value of an id (shared array: do not modify). */
    byte[] value(int id) {
        return values[id];
    }

    /** The id of b, adding a copy of it when new. */
    int idOf(byte[] b) {
        long h = hash(b);
        int mask = slots.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) return add(b, h, i);
            if (hashes[i] == h && Arrays.equals(values[s - 1], b)) return s - 1;
        }
    }

    private int add(byte[] b, long h, int slot) {
        hashes[slot] = h;
        slots[slot] = size + 1;
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size++] = b.clone();
        bytes += b.length;
        if (2 * size > slots.length) grow();
        return size - 1;
    }

    private void grow() {
        long[] oh = hashes;
        int[] os = slots;
        hashes = new long[2 * oh.length];
        slots = new int[hashes.length];
        int mask = slots.length - 1;
        for (int j = 0; j < oh.length; j++) {
            if (os[j] == 0) continue;
            int i = (int) (oh[j] ^ (oh[j] >>> 32)) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            hashes[i] = oh[j];
            slots[i] = os[j];
        }
    }

    /** Two lanes of multiply-rotate over the 8-byte words, the tail bytes, and the length. */
    static long hash(byte[] b) {
        int n = b.length;
        long a = 0x9E3779B97F4A7C15L;
        long c = 0xC2B2AE3D27D4EB4FL;
        int i = 0;
        for (; i + 16 <= n; i += 16) {
            a = Long.rotateLeft(a ^ (long) LONGS.get(b, i) * 0x9E3779B97F4A7C15L, 29) * 0xC2B2AE3D27D4EB4FL;
            c = Long.rotateLeft(c ^ (long) LONGS.get(b, i + 8) * 0x9E3779B97F4A7C15L, 29) * 0xC2B2AE3D27D4EB4FL;
        }
        long t = n;
        for (; i < n; i++) t = t * 31 + b[i];
        long h = a ^ Long.rotateLeft(c, 32) ^ t * 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
    }

    void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(values, 0, size, null);
        size = 0;
        bytes = 0;
    }
}
