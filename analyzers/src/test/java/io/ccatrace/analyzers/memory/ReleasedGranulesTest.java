package io.ccatrace.analyzers.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.granule.GranulePool;
import io.ccatrace.analyzers.granule.GranuleWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The released granules over the dense tables answer as over the hash maps alone and as a
 * plain model of the rules in the class comment (release unless an ASSIGNED_NS entry maps the
 * granule; forget; an ASSIGNED_NS mapping forgets the granules it covers), for random steps on
 * PAs inside and outside the dense window and level-3 and block mappings.
 */
class ReleasedGranulesTest {
    /** The plain model: page -> {causeSeq, seq}; page -> level-3 NS mappings; blocks {pa, size}. */
    private final Map<Long, long[]> released = new HashMap<>();
    private final Map<Long, Integer> nsMapped = new HashMap<>();
    private final List<long[]> blocks = new ArrayList<>();

    private boolean mapped(long pa) {
        if (nsMapped.containsKey(pa >>> 12)) return true;
        for (long[] b : blocks) if (Long.compareUnsigned(pa - b[0], b[1]) < 0) return true;
        return false;
    }

    @Test
    void denseHashAndPlainModelAgreeOnRandomSteps() {
        int hits = 0;
        for (int seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            long[] pool = GranulePool.pool(r);
            released.clear();
            nsMapped.clear();
            blocks.clear();
            ReleasedGranules dense = new ReleasedGranules();
            ReleasedGranules hash = new ReleasedGranules(new GranuleWords(false), new GranuleWords(false));
            for (int step = 0; step < 4000; step++) {
                long pa = GranulePool.randomPa(r, pool);
                String at = "seed " + seed + " step " + step + " pa 0x" + Long.toHexString(pa);
                int op = r.nextInt(10);
                if (op < 4) {
                    long cause = r.nextInt(8) == 0 ? -1 : step;
                    dense.release(pa, cause, step + 1);
                    hash.release(pa, cause, step + 1);
                    if (!mapped(pa)) released.put(pa >>> 12, new long[] {cause, step + 1});
                } else if (op < 6) {
                    dense.forget(pa);
                    hash.forget(pa);
                    released.remove(pa >>> 12);
                } else if (op < 8) {
                    long size = r.nextInt(4) == 0 ? 0x200000L : 0x1000L;
                    long base = size == 0x1000L ? pa & ~0xFFFL : pa & -size;
                    dense.mapNs(base, size);
                    hash.mapNs(base, size);
                    if (size > 0x1000L) blocks.add(new long[] {base, size}); else nsMapped.merge(base >>> 12, 1, Integer::sum);
                    long first = base >>> 12;
                    released.keySet().removeIf(k -> Long.compareUnsigned(k - first, size >>> 12) < 0);
                } else {
                    long size = r.nextInt(4) == 0 ? 0x200000L : 0x1000L;
                    long base = size == 0x1000L ? pa & ~0xFFFL : pa & -size;
                    dense.unmapNs(base, size);
                    hash.unmapNs(base, size);
                    if (size > 0x1000L) {
                        for (int i = 0; i < blocks.size(); i++) {
                            if (blocks.get(i)[0] == base && blocks.get(i)[1] == size) {
                                blocks.remove(i);
                                break;
                            }
                        }
                    } else {
                        nsMapped.computeIfPresent(base >>> 12, (k, n) -> n <= 1 ? null : n - 1);
                    }
                }
                long q = GranulePool.randomPa(r, pool);
                for (long x : new long[] {pa, q}) {
                    long[] m = released.get(x >>> 12);
                    if (m != null && m[0] >= 0) hits++;
                    for (ReleasedGranules g : new ReleasedGranules[] {dense, hash}) {
                        assertEquals(m == null ? -1 : m[0], g.releasedBy(x), at);
                        assertEquals(m == null ? -1 : m[1], g.releaseSeq(x), at);
                    }
                }
                assertEquals(released.size(), dense.tracked(), at);
                assertEquals(released.size(), hash.tracked(), at);
            }
        }
        assertTrue(hits > 1000, "released granules asked about: " + hits);
    }
}
