package io.ccatrace.model.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The host's page-keyed sorted map behaves as a sorted map of page addresses. */
class PageMapTest {
    private static final long PAGE = 4096, CHUNK = 2L << 20;

    @Test
    void putGetRemoveAndSize() {
        PageMap m = new PageMap();
        assertFalse(m.contains(0x8000_0000L));
        assertNull(m.getOrNull(0x8000_0000L));
        m.put(0x8000_0000L, 7);
        m.put(0x8000_1000L, 0);
        assertTrue(m.contains(0x8000_0000L));
        assertTrue(m.contains(0x8000_1000L), "a zero value is still an entry");
        assertEquals(7, m.get(0x8000_0000L));
        assertEquals(2, m.size());
        m.put(0x8000_0000L, 9);
        assertEquals(9L, m.getOrNull(0x8000_0000L));
        assertEquals(2, m.size(), "replacing a value adds no entry");
        assertTrue(m.remove(0x8000_0000L));
        assertFalse(m.remove(0x8000_0000L));
        assertFalse(m.contains(0x8000_0000L));
        assertEquals(1, m.size());
        assertThrows(IllegalArgumentException.class, () -> m.get(0x8000_0000L));
    }

    @Test
    void keysAreAscendingAcrossChunksWhateverTheInsertionOrder() {
        PageMap m = new PageMap();
        long[] keys = {5 * CHUNK + PAGE, 0, CHUNK - PAGE, 3 * CHUNK, CHUNK, 5 * CHUNK};
        for (long k : keys) m.put(k, k + 1);
        assertEquals(List.of(0L, CHUNK - PAGE, CHUNK, 3 * CHUNK, 5 * CHUNK, 5 * CHUNK + PAGE), m.keys());
    }

    @Test
    void keysInIsHalfOpen() {
        PageMap m = new PageMap();
        for (long k = 0; k < 4 * CHUNK; k += 3 * PAGE) m.put(k, 1);
        List<Long> expected = new ArrayList<>();
        for (long k = 0; k < 4 * CHUNK; k += 3 * PAGE) {
            if (k >= CHUNK - 3 * PAGE && k < 2 * CHUNK + 3 * PAGE) expected.add(k);
        }
        assertEquals(expected, m.keysIn(CHUNK - 3 * PAGE, 2 * CHUNK + 3 * PAGE));
        assertEquals(List.of(), m.keysIn(PAGE, PAGE));
        assertEquals(List.of(), m.keysIn(-CHUNK, 0));
        assertThrows(IllegalArgumentException.class, () -> m.keysIn(2 * PAGE, PAGE));
    }

    @Test
    void unalignedOrNegativeKeysAreNeverPresentAndCannotBePut() {
        PageMap m = new PageMap();
        m.put(PAGE, 1);
        assertFalse(m.contains(PAGE + 8));
        assertNull(m.getOrNull(PAGE | 3));
        assertFalse(m.remove(PAGE + 1));
        assertFalse(m.contains(-PAGE));
        assertThrows(IllegalArgumentException.class, () -> m.put(PAGE + 8, 1));
        assertThrows(IllegalArgumentException.class, () -> m.put(-PAGE, 1));
        assertEquals(1, m.size());
    }

    /** Random operations against java.util.TreeMap, which serves as the specification. */
    @Test
    void agreesWithATreeMapOverRandomOperations() {
        SplittableRandom rng = new SplittableRandom(42);
        PageMap m = new PageMap();
        TreeMap<Long, Long> ref = new TreeMap<>();
        for (int i = 0; i < 50_000; i++) {
            long key = 0x8000_0000L + PAGE * rng.nextInt(8 * 1024);
            switch (rng.nextInt(4)) {
                case 0, 1 -> {
                    long v = rng.nextLong();
                    m.put(key, v);
                    ref.put(key, v);
                }
                case 2 -> assertEquals(ref.remove(key) != null, m.remove(key));
                default -> assertEquals(ref.get(key), m.getOrNull(key));
            }
            assertEquals(ref.size(), m.size());
            if (i % 5_000 == 0) {
                long a = 0x8000_0000L + PAGE * rng.nextInt(8 * 1024), b = a + PAGE * rng.nextInt(2048);
                assertEquals(new ArrayList<>(ref.subMap(a, b).keySet()), m.keysIn(a, b));
            }
        }
        assertEquals(new ArrayList<>(ref.keySet()), m.keys());
    }
}
