package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PayloadArraysTest {
    @Test
    void arraysGivenBackAreTakenAgainByLength() {
        PayloadArrays p = new PayloadArrays();
        byte[] a = p.take(2048);
        byte[] b = p.take(64);
        assertEquals(2048, a.length);
        assertEquals(64, b.length);
        p.give(a);
        p.give(b);
        assertSame(b, p.take(64));
        assertSame(a, p.take(2048));
        assertNotSame(a, p.take(2048), "each array is handed out once");
    }

    @Test
    void manyDistinctLengthsStillGiveExactArrays() {
        PayloadArrays p = new PayloadArrays();
        for (int len = 1; len <= 100; len++) p.give(new byte[len]);
        for (int len = 100; len >= 1; len--) assertEquals(len, p.take(len).length);
    }
}
