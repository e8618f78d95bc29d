package io.ccatrace.analyzers.granule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The granule table over its dense storage answers exactly as over the hash map alone, for
 * random transitions on PAs inside the dense window (below 1 TiB, several chunks), outside it
 * (high and negative addresses, as junk arguments give), and on chunk borders.
 */
class GranuleTableTest {
    private static final GranuleState[] STATES = GranuleState.values();
    private static final Pas[] PAS = Pas.values();

    private static void assertSameAnswers(GranuleTable dense, GranuleTable hash, long pa, String at) {
        assertEquals(hash.state(pa), dense.state(pa), at);
        assertEquals(hash.pas(pa), dense.pas(pa), at);
        assertEquals(hash.lastUse(pa), dense.lastUse(pa), at);
        assertEquals(hash.owner(pa), dense.owner(pa), at);
        assertEquals(hash.since(pa), dense.since(pa), at);
    }

    @Test
    void denseAndHashStorageAgreeOnRandomTransitions() {
        for (int seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            long[] pool = GranulePool.pool(r);
            GranuleTable dense = new GranuleTable();
            GranuleTable hash = new GranuleTable(new GranuleWords(false));
            for (int step = 0; step < 5000; step++) {
                long pa = GranulePool.randomPa(r, pool);
                String at = "seed " + seed + " step " + step + " pa 0x" + Long.toHexString(pa);
                if (r.nextInt(3) == 0) {
                    Pas to = PAS[r.nextInt(PAS.length)];
                    dense.setPas(pa, to);
                    hash.setPas(pa, to);
                } else {
                    GranuleState to = STATES[r.nextInt(STATES.length)];
                    long owner = r.nextBoolean() ? pool[r.nextInt(pool.length)] : 0;
                    dense.setState(pa, to, owner, step);
                    hash.setState(pa, to, owner, step);
                }
                assertSameAnswers(dense, hash, pa, at);
                assertSameAnswers(dense, hash, GranulePool.randomPa(r, pool), at);
                assertEquals(hash.tracked(), dense.tracked(), at);
                assertEquals(hash.realmPasCount(), dense.realmPasCount(), at);
                for (GranuleState s : STATES) assertEquals(hash.count(s), dense.count(s), at + " " + s);
            }
            for (long pa : pool) assertSameAnswers(dense, hash, pa, "seed " + seed + " end");
        }
    }

    // reference 7.1: a granule never seen is UNDELEGATED with PAS NS (after boot)
    @Test
    void untouchedGranulesAreUndelegatedNsAndUntracked() {
        GranuleTable t = new GranuleTable();
        for (long pa : new long[] {0, 0x8000_0000L, (1L << 40) - 1, 1L << 40, -0x1000L, Long.MIN_VALUE}) {
            assertEquals(GranuleState.UNDELEGATED, t.state(pa));
            assertEquals(Pas.NS, t.pas(pa));
            assertEquals(GranuleState.UNKNOWN, t.lastUse(pa));
            assertEquals(Long.MIN_VALUE, t.owner(pa));
            assertEquals(-1, t.since(pa));
        }
        assertEquals(0, t.tracked());
    }

    @Test
    void aGranuleBackAtUndelegatedNsIsDroppedUnlessItWasAnRdOrRec() {
        GranuleTable t = new GranuleTable();
        long data = 0x8000_1000L;
        long rd = (1L << 40) + 0x2000;   // outside the dense window
        for (long pa : new long[] {data, rd}) {
            t.setPas(pa, Pas.REALM);
            t.setState(pa, GranuleState.DELEGATED, Long.MIN_VALUE, 1);
        }
        t.setState(data, GranuleState.DATA, rd, 2);
        t.setState(rd, GranuleState.RD, rd, 3);
        assertEquals(2, t.tracked());
        assertEquals(rd, t.owner(data + 0x123));
        assertEquals(2, t.since(data));
        for (long pa : new long[] {data, rd}) {
            t.setState(pa, GranuleState.DELEGATED, Long.MIN_VALUE, 4);
            t.setState(pa, GranuleState.UNDELEGATED, Long.MIN_VALUE, 5);
            t.setPas(pa, Pas.NS);
        }
        assertEquals(1, t.tracked(), "the former RD stays tracked (lastUse), the DATA granule is dropped");
        assertEquals(GranuleState.RD, t.lastUse(rd));
        assertEquals(GranuleState.UNKNOWN, t.lastUse(data));
        assertTrue(t.count(GranuleState.UNDELEGATED) == 1);
    }
}
