package io.ccatrace.model.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ccatrace.model.gpt.Pas;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes through one granule's writer land where the memory's own write methods put them. */
class GranuleWriterTest {
    private static final long BASE = 0x8000_0000L;
    private static final long G = BASE + 5 * 4096;

    private static PhysicalMemory memory() {
        return new PhysicalMemory(List.of(new DramBank(BASE, 1L << 20, Pas.NS)));
    }

    @Test
    void writesAreLittleEndianAtTheirAddressesAndTheRestIsKept() {
        PhysicalMemory m = memory();
        byte[] stale = new byte[4096];
        Arrays.fill(stale, (byte) 0x5A);
        m.write(G, stale);
        GranuleWriter w = m.writer(G + 0x123);   // any address in the granule names it
        w.zero(G + 0x800, 0x100);
        w.writeLong(G + 0x800, 0x0102_0304_0506_0708L);
        w.writeLongs(G + 0xA00, new long[] {1, 2, 3}, 2);
        w.writeNarrow(G + 0xE00, 0x1_2345_6789L, 4);
        ByteBuffer b = ByteBuffer.wrap(m.readGranule(G)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x08, b.get(0x800), "least significant byte first");
        assertEquals(0x0102_0304_0506_0708L, b.getLong(0x800));
        assertEquals(0, b.getLong(0x808), "zeroed");
        assertEquals(0, b.get(0x8FF), "zeroed to the end of the range");
        assertEquals(0x5A, b.get(0x900), "past the zeroed range: kept");
        assertEquals(1, b.getLong(0xA00));
        assertEquals(2, b.getLong(0xA08));
        assertEquals(0x5A5A_5A5A_5A5A_5A5AL, b.getLong(0xA10), "only n of the values");
        assertEquals(0x2345_6789, b.getInt(0xE00), "the low 4 bytes");
        assertEquals(0x5A, b.get(0xE04));
        assertEquals(0x5A, b.get(0x7FF));
    }

    @Test
    void anUnwrittenGranuleGetsAZeroPage() {
        PhysicalMemory m = memory();
        m.writer(G).writeLong(G + 8, -1);
        byte[] expected = new byte[4096];
        Arrays.fill(expected, 8, 16, (byte) 0xFF);
        assertArrayEquals(expected, m.readGranule(G));
    }

    @Test
    void aWriteOutsideItsGranuleIsRefused() {
        PhysicalMemory m = memory();
        GranuleWriter w = m.writer(G);
        assertThrows(IllegalArgumentException.class, () -> w.writeLong(G + 4092, 1), "crosses the end");
        assertThrows(IllegalArgumentException.class, () -> w.writeLong(G - 8, 1), "the granule before");
        assertThrows(IllegalArgumentException.class, () -> w.zero(G + 4096, 1), "the granule after");
        assertArrayEquals(new byte[4096], m.readGranule(G), "nothing written");
        assertArrayEquals(new byte[4096], m.readGranule(G - 4096));
    }

    @Test
    void notDramIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> memory().writer(BASE - 4096));
    }
}
