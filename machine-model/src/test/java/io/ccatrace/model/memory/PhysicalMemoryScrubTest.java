package io.ccatrace.model.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.gpt.Pas;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scrubbed granules read as zero, and a page released by a scrub and used again for another
 * granule carries none of its old bytes (the memory keeps released pages for reuse).
 */
class PhysicalMemoryScrubTest {
    private static final long BASE = 0x8000_0000L;
    private static final int G = (int) PhysicalMemory.GRANULE_SIZE;
    private final PhysicalMemory m = new PhysicalMemory(List.of(new DramBank(BASE, 4L << 20, Pas.NS)));

    private static byte[] filled(int seed) {
        byte[] b = new byte[G];
        new SplittableRandom(seed).nextBytes(b);
        b[0] = 1;   // never all zero
        return b;
    }

    @Test
    void aScrubbedGranuleReadsZero() {
        m.write(BASE, filled(1));
        m.scrub(BASE);
        assertTrue(m.isZero(BASE));
        assertArrayEquals(new byte[G], m.readGranule(BASE));
    }

    @Test
    void aGranuleWrittenAfterOthersWereScrubbedHoldsOnlyItsOwnBytes() {
        for (int i = 0; i < 8; i++) m.write(BASE + (long) i * G, filled(i + 1));
        for (int i = 0; i < 8; i++) m.scrub(BASE + (long) i * G);
        // narrow writes into fresh granules: every other byte must read zero
        for (int i = 0; i < 8; i++) {
            long pa = BASE + (long) (100 + i) * G;
            m.writeNarrow(pa + 8, 0xABCDL, 2);
            byte[] expect = new byte[G];
            expect[8] = (byte) 0xCD;
            expect[9] = (byte) 0xAB;
            assertArrayEquals(expect, m.readGranule(pa));
        }
        // a scrubbed granule written again starts from zero too
        m.writeLong(BASE + 16, -1L);
        byte[] expect = new byte[G];
        for (int k = 16; k < 24; k++) expect[k] = (byte) 0xFF;
        assertArrayEquals(expect, m.readGranule(BASE));
        for (int i = 1; i < 8; i++) assertTrue(m.isZero(BASE + (long) i * G));
    }

    @Test
    void granulesStayIndependentThroughManyScrubsAndWrites() {
        // a model of the memory as plain arrays per granule, under random writes and scrubs
        int granules = 600;   // more than the pages the memory keeps for reuse
        byte[][] model = new byte[granules][G];
        SplittableRandom r = new SplittableRandom(7);
        for (int step = 0; step < 20_000; step++) {
            int g = r.nextInt(granules);
            long pa = BASE + (long) g * G;
            if (r.nextInt(4) == 0) {
                m.scrub(pa);
                model[g] = new byte[G];
            } else {
                int off = r.nextInt(G / 8) * 8;
                long v = r.nextLong();
                m.writeLong(pa + off, v);
                for (int k = 0; k < 8; k++) model[g][off + k] = (byte) (v >>> (8 * k));
            }
        }
        for (int g = 0; g < granules; g++) {
            assertArrayEquals(model[g], m.readGranule(BASE + (long) g * G), "granule " + g);
        }
        assertEquals(0, m.readNarrow(BASE + (long) granules * G, 8));
    }
}
