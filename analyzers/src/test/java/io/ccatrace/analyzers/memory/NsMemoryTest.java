package io.ccatrace.analyzers.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * NsMemory.read gives the little-endian value of the bytes the host wrote, zeros where it
 * wrote nothing and past the end of the page (an 8-byte read near the end of a page does not
 * reach into the next one), for every width and offset: the one-load path for 8 bytes
 * inside a page against the bytes themselves.
 */
class NsMemoryTest {
    private static long expected(byte[] page, int off, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) v = (v << 8) | (off + i < page.length ? page[off + i] & 0xFF : 0);
        return v;
    }

    @Test
    void readsAreTheLittleEndianBytesWrittenZeroElsewhere() {
        NsMemory m = new NsMemory();
        long base = 0x8800_0000L;
        Random r = new Random(7);
        byte[] first = new byte[NsMemory.PAGE];
        byte[] second = new byte[NsMemory.PAGE];
        r.nextBytes(first);
        r.nextBytes(second);
        m.write(base, TraceEvent.builder(0, EventKind.NS_WRITE).pa(base).payload(first).build());
        m.write(base + NsMemory.PAGE, TraceEvent.builder(1, EventKind.NS_WRITE).pa(base + NsMemory.PAGE).payload(second).build());
        for (int width = 1; width <= 8; width++) {
            for (int off : new int[] {0, 1, 7, 8, 100, NsMemory.PAGE - 9, NsMemory.PAGE - 8, NsMemory.PAGE - 7, NsMemory.PAGE - 1}) {
                assertEquals(expected(first, off, width), m.read(base + off, width), "width " + width + " offset " + off);
                assertEquals(expected(second, off, width), m.read(base + NsMemory.PAGE + off, width));
                assertEquals(0, m.read(base + 2L * NsMemory.PAGE + off, width), "never written");
            }
        }
        // the last 8 bytes of the first page, and one byte further: the next page's bytes are not read
        assertEquals(expected(first, NsMemory.PAGE - 1, 8), m.read(base + NsMemory.PAGE - 1, 8));
        assertEquals(first[NsMemory.PAGE - 1] & 0xFF, m.read(base + NsMemory.PAGE - 1, 8));
    }
}
