package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.LongMap;

/**
 * Two longs (a, b) per granule, addressed by the granule's physical address; a granule never
 * set reads as a = 0, b = 0. Granules below 1 TiB (every PA the machine model has) live in
 * dense chunks of 4,096 granules (16 MiB of address space, 64 KiB of table) indexed by
 * (pa >>> 12): a lookup is two array loads, no probe and no cache of recent keys to keep
 * valid. A chunk is allocated when a granule in it is first set, so the table follows the
 * address space the trace touches, never the trace length. Any other address (a junk
 * argument of a hostile call) goes to a hash map.
 */
public final class GranuleWords {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /** Granule numbers below 2^28 (PAs below 1 TiB) are dense. */
    private static final int DENSE_BITS = 28;
    private final long[][] chunks;
    private final LongMap<Void> far = new LongMap<>(64);
    private int size;

    /** A table whose dense part covers PAs below 1 TiB. */
    public GranuleWords() {
        this(true);
    }

    /** dense false: every granule in the hash map (the fallback alone, for tests). */
    public GranuleWords(boolean dense) {
        chunks = dense ? new long[1 << (DENSE_BITS - CHUNK_BITS)][] : null;
    }

    private long[] chunk(long g) {
        return chunks != null && g >>> DENSE_BITS == 0 ? chunks[(int) (g >>> CHUNK_BITS)] : null;
    }

    private boolean dense(long g) {
        return chunks != null && g >>> DENSE_BITS == 0;
    }

    /** Word a of the granule holding pa (0 when never set or removed). */
    public long a(long pa) {
        long g = pa >>> 12;
        if (dense(g)) {
            long[] c = chunks[(int) (g >>> CHUNK_BITS)];
            return c == null ? 0 : c[2 * (int) (g & (CHUNK - 1))];
        }
        int s = far.findRecent(g);
        return s < 0 ? 0 : far.a(s);
    }

    /** Word b of the granule holding pa (0 when never set or removed). */
    public long b(long pa) {
        long g = pa >>> 12;
        if (dense(g)) {
            long[] c = chunks[(int) (g >>> CHUNK_BITS)];
            return c == null ? 0 : c[2 * (int) (g & (CHUNK - 1)) + 1];
        }
        int s = far.findRecent(g);
        return s < 0 ? 0 : far.b(s);
    }

    /** Sets both words of the granule holding pa; a must not be 0 (0 means absent: {@link #remove}). */
    public void set(long pa, long a, long b) {
        if (a == 0) throw new IllegalArgumentException("word a 0 is reserved for absent granules");
        long g = pa >>> 12;
        if (dense(g)) {
            int ci = (int) (g >>> CHUNK_BITS);
            long[] c = chunks[ci];
            if (c == null) chunks[ci] = c = new long[2 * CHUNK];
            int i = 2 * (int) (g & (CHUNK - 1));
            if (c[i] == 0) size++;
            c[i] = a;
            c[i + 1] = b;
            return;
        }
        int s = far.find(g);
        if (s < 0) {
            s = far.slot(g);
            size++;
        }
        far.setA(s, a);
        far.setB(s, b);
    }

    /** Forgets the granule holding pa (both words read 0 again). */
    public void remove(long pa) {
        long g = pa >>> 12;
        if (dense(g)) {
            long[] c = chunk(g);
            if (c == null) return;
            int i = 2 * (int) (g & (CHUNK - 1));
            if (c[i] != 0) size--;
            c[i] = 0;
            c[i + 1] = 0;
            return;
        }
        if (far.remove(g)) size--;
    }

    /** Number of granules set and not removed. */
    public int size() {
        return size;
    }
}
