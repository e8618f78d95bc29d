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
    void anAccessCrossingAGranuleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> m.readNarrow(BASE + 0xFFC, 8));
    }
}
