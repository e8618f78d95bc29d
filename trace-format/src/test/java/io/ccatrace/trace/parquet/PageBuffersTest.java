package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A page array is handed out again only once given back, and only arrays of the pool are taken back. */
class PageBuffersTest {
    @Test
    void anArrayGivenBackServesTheNextPageOfItsSize() {
        PageBuffers p = new PageBuffers();
        byte[] a = p.take(1000);
        assertTrue(a.length >= 1000 && a.length % 4096 == 0, "at least the size, in 4 KiB");
        byte[] b = p.take(1000);
        assertNotSame(a, b, "an array not given back is not handed out twice");
        p.give(a);
        byte[] big = p.take(100_000);
        p.give(big);
        assertSame(a, p.take(600), "given back: the smallest free array that holds the page");
        assertSame(big, p.take(5000), "the only free one left that holds it");
        assertNotSame(a, p.take(1000), "taken again: not free any more");
        p.give(a);
        p.give(a);
        assertSame(a, p.take(1000));
        assertNotSame(a, p.take(1000), "given back twice, handed out once");
    }

    @Test
    void foreignAndForgottenArraysAreNotTakenBack() {
        PageBuffers p = new PageBuffers();
        byte[] foreign = new byte[1024];
        p.give(foreign);
        assertNotSame(foreign, p.take(1024), "an array the pool did not hand out");
        byte[] old = p.take(1024);
        for (int i = 0; i < PageBuffers.RECENT; i++) p.take(1024);
        p.give(old);
        assertNotSame(old, p.take(1024), "handed out too long ago: forgotten");
        assertThrows(NegativeArraySizeException.class, () -> p.take(-5));
        assertTrue(p.take(40 << 20).length == 40 << 20, "past 16 MiB: the exact size, as before");
    }
}
