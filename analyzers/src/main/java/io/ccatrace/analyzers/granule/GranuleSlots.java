package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.LongMap;

/**
 * One object per granule, addressed by the granule's physical address; a granule never set
 * reads as null. As {@link GranuleWords}: granules below 1 TiB live in dense chunks of 4,096
 * references indexed by (pa >>> 12), allocated as the trace touches them (memory follows the
 * address space touched, not the trace length); any other address goes to a hash map.
 *
 * @param <T> the object kept per granule
 */
public final class GranuleSlots<T> {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /** Granule numbers below 2^28 (PAs below 1 TiB) are dense. */
    private static final int DENSE_BITS = 28;
    private final Object[][] chunks;
    private final LongMap<T> far = new LongMap<>(16);
    private int size;

    /** A table whose dense part covers PAs below 1 TiB. */
    public GranuleSlots() {
        this(true);
    }

    /** dense false: every granule in the hash map (the fallback alone, for tests). */
    public GranuleSlots(boolean dense) {
        chunks = dense ? new Object[1 << (DENSE_BITS - CHUNK_BITS)][] : null;
    }

    private boolean dense(long g) {
        return chunks != null && g >>> DENSE_BITS == 0;
    }

    /** The object of the granule holding pa, or null. */
    @SuppressWarnings("unchecked")
    public T get(long pa) {
        long g = pa >>> 12;
        if (dense(g)) {
            Object[] c = chunks[(int) (g >>> CHUNK_BITS)];
            return c == null ? null : (T) c[(int) (g & (CHUNK - 1))];
        }
        if (far.size() == 0) return null;
        int s = far.findRecent(g);
        return s < 0 ? null : far.obj(s);
    }

    /** Sets the object of the granule holding pa (v not null: {@link #remove} forgets one). */
    public void put(long pa, T v) {
        if (v == null) throw new IllegalArgumentException("null is the absent granule's value");
        long g = pa >>> 12;
        if (dense(g)) {
            int ci = (int) (g >>> CHUNK_BITS);
            Object[] c = chunks[ci];
            if (c == null) chunks[ci] = c = new Object[CHUNK];
            int i = (int) (g & (CHUNK - 1));
            if (c[i] == null) size++;
            c[i] = v;
            return;
        }
        int s = far.find(g);
        if (s < 0) {
            s = far.slot(g);
            size++;
        }
        far.setObj(s, v);
    }

    /** Forgets the granule holding pa (it reads null again). */
    public void remove(long pa) {
        long g = pa >>> 12;
        if (dense(g)) {
            Object[] c = chunks[(int) (g >>> CHUNK_BITS)];
            if (c == null) return;
            int i = (int) (g & (CHUNK - 1));
            if (c[i] != null) size--;
            c[i] = null;
            return;
        }
        if (far.remove(g)) size--;
    }

    /** Number of granules set and not removed. */
    public int size() {
        return size;
    }
}
