package io.ccatrace.analyzers.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.analyzers.granule.GranulePool;
import io.ccatrace.analyzers.granule.GranuleSlots;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * NsMemory over the dense page table answers as over the hash map alone and as a plain map
 * of written pages, for random writes (some across a page end) and drops on PAs inside and
 * outside the dense window: every byte read, written(), pages().
 */
class NsPagesTest {
    @Test
    void denseHashAndPlainPagesAgreeOnRandomWritesAndDrops() {
        for (int seed = 1; seed <= 10; seed++) {
            Random r = new Random(seed);
            long[] pool = GranulePool.pool(r);
            NsMemory dense = new NsMemory();
            NsMemory hash = new NsMemory(new GranuleSlots<>(false));
            Map<Long, byte[]> plain = new HashMap<>();
            for (int step = 0; step < 2000; step++) {
                long pa = GranulePool.randomPa(r, pool);
                String at = "seed " + seed + " step " + step + " pa 0x" + Long.toHexString(pa);
                if (r.nextInt(4) != 0) {
                    byte[] bytes = new byte[1 + r.nextInt(r.nextBoolean() ? 16 : 6000)];
                    r.nextBytes(bytes);
                    TraceEvent e = TraceEvent.builder(step, EventKind.NS_WRITE).pa(pa).payload(bytes).build();
                    dense.write(pa, e);
                    hash.write(pa, e);
                    for (int i = 0; i < bytes.length; i++) {
                        plain.computeIfAbsent((pa + i) >>> 12, k -> new byte[NsMemory.PAGE])[(int) ((pa + i) & 0xFFF)] = bytes[i];
                    }
                } else {
                    dense.drop(pa);
                    hash.drop(pa);
                    plain.remove(pa >>> 12);
                }
                long q = GranulePool.randomPa(r, pool);
                for (long x : new long[] {pa, q, pa + NsMemory.PAGE}) {
                    byte[] want = plain.getOrDefault(x >>> 12, new byte[NsMemory.PAGE]);
                    assertEquals(plain.containsKey(x >>> 12), dense.written(x), at);
                    assertEquals(plain.containsKey(x >>> 12), hash.written(x), at);
                    assertArrayEquals(want, dense.page(x), at);
                    assertArrayEquals(want, hash.page(x), at);
                    assertEquals(hash.read(x, 8), dense.read(x, 8), at);
                }
                assertEquals(plain.size(), dense.pages(), at);
                assertEquals(plain.size(), hash.pages(), at);
            }
        }
    }
}
