package io.ccatrace.model.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ccatrace.model.gpt.Pas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Narrow little-endian accesses (guest loads and stores of 1, 2, 4 and 8 bytes). */
class PhysicalMemoryNarrowTest {
    private static final long BASE = 0x8000_0000L;
    private final PhysicalMemory m = new PhysicalMemory(List.of(new DramBank(BASE, 1L << 20, Pas.NS)));

    @Test
    void unwrittenMemoryReadsZero() {
        assertEquals(0, m.readNarrow(BASE + 0x2000, 8));
    }

    @Test
    void readNarrowIsTheLittleEndianValueOfTheBytes() {
        m.write(BASE + 0x10, new byte[] {(byte) 0xEF, (byte) 0xBE, (byte) 0xAD, (byte) 0xDE, 0x11, 0x22, 0x33, (byte) 0x84});
        assertEquals(0xEFL, m.readNarrow(BASE + 0x10, 1));
        assertEquals(0xBEEFL, m.readNarrow(BASE + 0x10, 2));
        assertEquals(0xDEADBEEFL, m.readNarrow(BASE + 0x10, 4));   // unsigned, no sign extension
        assertEquals(0x8433_2211_DEAD_BEEFL, m.readNarrow(BASE + 0x10, 8));
        assertEquals(m.readLong(BASE + 0x10), m.readNarrow(BASE + 0x10, 8));
    }

    @Test
    void writeNarrowThenReadNarrowRoundTripsOnlyTheLowBytes() {
        m.writeNarrow(BASE + 0x20, 0x1122_3344_5566_7788L, 2);
        assertArrayEquals(new byte[] {(byte) 0x88, 0x77, 0, 0}, m.read(BASE + 0x20, 4));
        assertEquals(0x7788L, m.readNarrow(BASE + 0x20, 2));
    }

    @Test
    void eachWidthWritesExactlyItsLowBytesLittleEndianAtAnyOffset() {
        for (int width : new int[] {1, 2, 3, 4, 8}) {
            long pa = BASE + 0x101;                             // odd: not aligned to any width
            m.write(BASE + 0x100, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
            m.writeNarrow(pa, 0xF1F2_F3F4_F5F6_F7F8L, width);
            byte[] expected = {1, (byte) 0xF8, (byte) 0xF7, (byte) 0xF6, (byte) 0xF5, (byte) 0xF4,
                    (byte) 0xF3, (byte) 0xF2, (byte) 0xF1, 10, 11};
            for (int i = 1 + width; i <= 8; i++) expected[i] = (byte) (i + 1);   // untouched
            assertArrayEquals(expected, m.read(BASE + 0x100, 11), "width " + width);
            long low = width == 8 ? -1L : (1L << (8 * width)) - 1;
            assertEquals(0xF1F2_F3F4_F5F6_F7F8L & low, m.readNarrow(pa, width), "width " + width);
        }
    }

    @Test
    void anAccessCrossingAGranuleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> m.readNarrow(BASE + 0xFFC, 8));
    }
}
