package io.ccatrace.analyzers.engine;

import java.util.Arrays;

/**
 * The objects last looked up in a {@link LongMap} by granule address (a miss too), 16 slots
 * chosen by the granule number: the rows of a few RECs interleave (one per CPU), so a
 * single remembered entry missed often. The owner clears it whenever the map changes.
 */
final class LookupCache<V> {
    private static final int SLOTS = 16;
    private static final long EMPTY = Long.MIN_VALUE;
    private final LongMap<V> map;
    private final long[] keys = new long[SLOTS];
    private final Object[] values = new Object[SLOTS];

    LookupCache(LongMap<V> map) {
        this.map = map;
        clear();
    }

    /** The map's object for key (not Long.MIN_VALUE), or null. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = (int) (key >>> 12) & (SLOTS - 1);
        if (keys[i] != key) {
            values[i] = map.get(key);
            keys[i] = key;
        }
        return (V) values[i];
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(values, null);
    }
}
