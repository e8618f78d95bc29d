package io.ccatrace.model.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The host's page allocator: most recently freed first, then the bump pointer. */
class GranulePoolTest {
    private static final long BASE = 0x8100_0000L;

    @Test
    void freedGranulesComeBackMostRecentFirstThenFreshOnes() {
        GranulePool p = new GranulePool(BASE, 1L << 20);
        long a = p.alloc(), b = p.alloc(), c = p.alloc();
        assertEquals(BASE, a);
        assertEquals(BASE + 0x2000, c);
        p.free(a);
        p.free(c);
        assertEquals(1, p.inUse());
        assertEquals(c, p.alloc());
        assertEquals(a, p.alloc());
        assertEquals(BASE + 0x3000, p.alloc());
        assertEquals(4, p.inUse());
        assertEquals(BASE + 0x1000, b);
    }

    @Test
    void manyFreesAreAllKept() {
        GranulePool p = new GranulePool(BASE, 1L << 20);
        for (int i = 0; i < 200; i++) p.alloc();
        for (int i = 0; i < 200; i++) p.free(BASE + 0x1000L * i);
        assertEquals(0, p.inUse());
        for (int i = 199; i >= 0; i--) assertEquals(BASE + 0x1000L * i, p.alloc());
        assertEquals(BASE + 0x1000L * 200, p.alloc());
    }

    @Test
    void anExhaustedPoolSaysSo() {
        GranulePool p = new GranulePool(BASE, 0x2000);
        p.alloc();
        p.alloc();
        assertThrows(IllegalStateException.class, p::alloc);
    }
}
