package io.ccatrace.analyzers.granule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The granule mappings over the dense table answer as over the hash map alone and as a
 * plain map of granule -> (realm, IPA), for random map and unmap steps on PAs inside and
 * outside the dense window, at aligned IPAs (the engine's) and unaligned ones (the hash-map
 * side), with the NULL realm, and unmaps that name the wrong realm or IPA.
 */
class GranuleMappingsTest {
    private static final long NONE = Long.MIN_VALUE;

    private static long ipa(Random r) {
        switch (r.nextInt(5)) {
            case 0: return 0x1234;                                   // unaligned
            case 1: return r.nextLong();                             // junk, mostly unaligned
            case 2: return -0x1000L;                                 // aligned, all high bits set
            default: return ((long) r.nextInt(1 << 20)) << 12;       // aligned
        }
    }

    @Test
    void denseHashAndPlainMapAgreeOnRandomSteps() {
        int unaligned = 0;
        for (int seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            long[] pool = GranulePool.pool(r);
            long[] realms = {0x8100_0000L, 0x8200_0000L, NONE, 0};
            long[] ipas = new long[8];
            for (int i = 0; i < ipas.length; i++) ipas[i] = ipa(r);
            GranuleMappings dense = new GranuleMappings();
            GranuleMappings hash = new GranuleMappings(new GranuleWords(false));
            Map<Long, long[]> plain = new HashMap<>();
            for (int step = 0; step < 5000; step++) {
                long pa = GranulePool.randomPa(r, pool);
                long realm = realms[r.nextInt(realms.length)];
                long ipa = ipas[r.nextInt(ipas.length)];
                String at = "seed " + seed + " step " + step + " pa 0x" + Long.toHexString(pa);
                if (r.nextInt(3) != 0) {
                    dense.map(pa, realm, ipa);
                    hash.map(pa, realm, ipa);
                    plain.put(pa >>> 12, new long[] {realm, ipa});
                    if ((ipa & 0xFFF) != 0) unaligned++;
                } else {
                    // unmap what is there (usually), or something else
                    long[] m = plain.get(pa >>> 12);
                    if (m != null && r.nextInt(4) != 0) {
                        realm = m[0];
                        ipa = m[1];
                    }
                    dense.unmap(pa, realm, ipa);
                    hash.unmap(pa, realm, ipa);
                    if (m != null && m[0] == realm && m[1] == ipa) plain.remove(pa >>> 12);
                }
                long q = GranulePool.randomPa(r, pool);
                for (long x : new long[] {pa, q}) {
                    long[] m = plain.get(x >>> 12);
                    assertEquals(m == null ? NONE : m[0], dense.realm(x), at);
                    assertEquals(m == null ? NONE : m[0], hash.realm(x), at);
                    if (m != null) {
                        assertEquals(m[1], dense.ipa(x), at);
                        assertEquals(m[1], hash.ipa(x), at);
                    }
                }
                assertEquals(plain.size(), dense.size(), at);
                assertEquals(plain.size(), hash.size(), at);
            }
        }
        assertTrue(unaligned > 1000, "unaligned IPAs exercised: " + unaligned);
    }
}
