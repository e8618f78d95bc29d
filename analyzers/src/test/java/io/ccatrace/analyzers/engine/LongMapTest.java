package io.ccatrace.analyzers.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LongMap against a HashMap under random inserts, updates and removals (growth and
 * backward-shift deletion move slots): every key's values agree, and {@link LongMap#findRecent}
 * always gives the slot {@link LongMap#find} gives, however the slots moved since it last
 * answered for that key.
 */
class LongMapTest {
    @Test
    void agreesWithAHashMapAndRecentSlotsNeverGoStale() {
        LongMap<String> m = new LongMap<>(8);
        Map<Long, long[]> want = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(7);
        // few distinct keys, many of them colliding in the 64-entry recent table and the probe chains
        long[] keys = new long[300];
        for (int i = 0; i < keys.length; i++) keys[i] = rnd.nextInt(4) == 0 ? i * 64L : rnd.nextLong(1L << 40);
        for (int step = 0; step < 200_000; step++) {
            long k = keys[rnd.nextInt(keys.length)];
            int op = rnd.nextInt(10);
            if (op < 3) {
                int s = m.slot(k);
                long a = rnd.nextLong();
                m.setA(s, a);
                m.setB(s, ~a);
                m.setObj(s, Long.toString(a));
                want.put(k, new long[] {a});
            } else if (op < 5) {
                assertEquals(want.remove(k) != null, m.remove(k), "remove " + k + " at step " + step);
            } else {
                int s = m.findRecent(k);
                assertEquals(m.find(k), s, "recent slot of " + k + " at step " + step);
                long[] w = want.get(k);
                if (w == null) {
                    assertEquals(-1, s, "absent " + k);
                } else {
                    assertEquals(w[0], m.a(s));
                    assertEquals(~w[0], m.b(s));
                    assertEquals(Long.toString(w[0]), m.obj(s));
                }
            }
            assertEquals(want.size(), m.size());
        }
        long[] sorted = m.sortedKeys();
        assertEquals(want.size(), sorted.length);
        for (long k : sorted) assertEquals(true, want.containsKey(k));
    }

    /**
     * put() stores the object in the table that holds the key even when the insert grows it:
     * `objs[slot(key)] = v` stored into the array from before the growth (the object was lost,
     * or the store was out of its bounds: analyze, explain and stats failed on a 40-realm trace).
     */
    @Test
    void putKeepsEveryObjectThroughGrowth() {
        LongMap<String> m = new LongMap<>(8);
        for (long rd = 0; rd < 1000; rd++) {
            long key = 0x81000000L + rd * 0x5000L;
            m.put(key, "realm " + rd);
            assertEquals("realm " + rd, m.get(key), "just put, table of " + m.capacity());
        }
        for (long rd = 0; rd < 1000; rd++) assertEquals("realm " + rd, m.get(0x81000000L + rd * 0x5000L));
        assertEquals(1000, m.size());
    }
}
