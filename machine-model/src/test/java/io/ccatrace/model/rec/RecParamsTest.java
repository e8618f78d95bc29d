package io.ccatrace.model.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** RecParams.parse and RecMpidr against the layouts of reference 9.2 and 4.9. */
class RecParamsTest {
    @Test
    void parsesEveryFieldAtItsOffset() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x000, 0x8000_0000_0000_0001L);
        b.putLong(0x100, 0x0102_0304L);
        b.putLong(0x200, 0xFFFF_0000_1234_0000L);
        for (int i = 0; i < 8; i++) b.putLong(0x300 + 8 * i, 100 + i);
        b.putLong(0x800, 16);
        for (int i = 0; i < 16; i++) b.putLong(0x808 + 8 * i, 0x9000_0000L + 0x1000L * i);
        b.putLong(0x808 + 8 * 16, 0xBADL); // beyond aux[15]: not part of the structure
        RecParams p = RecParams.parse(b.array());
        assertEquals(0x8000_0000_0000_0001L, p.flags());
        assertTrue(p.runnable());
        assertEquals(0x0102_0304L, p.mpidr());
        assertEquals(0xFFFF_0000_1234_0000L, p.pc());
        assertArrayEquals(new long[] {100, 101, 102, 103, 104, 105, 106, 107}, p.gprs());
        assertEquals(16, p.numAux());
        assertEquals(16, p.aux().length);
        assertEquals(0x9000_0000L, p.aux()[0]);
        assertEquals(0x9000_F000L, p.aux()[15]);
    }

    @Test
    void runnableIsBitZeroOnly() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 2);
        assertFalse(RecParams.parse(b.array()).runnable());
    }

    @Test
    void arraysAreCopies() {
        RecParams p = RecParams.parse(new byte[4096]);
        p.gprs()[0] = 5;
        p.aux()[0] = 5;
        assertEquals(0, p.gprs()[0]);
        assertEquals(0, p.aux()[0]);
    }

    // 4.9: idx = Aff0[3:0] | Aff1 << 4 | Aff2 << 12 | Aff3 << 20
    @Test
    void mpidrIndexPacking() {
        assertEquals(0, RecMpidr.index(0));
        assertEquals(15, RecMpidr.index(0xF));
        assertEquals(16, RecMpidr.index(0x100));
        assertEquals(1 << 12, RecMpidr.index(0x1_0000));
        assertEquals(1 << 20, RecMpidr.index(0x100_0000));
        assertEquals(0xFFFFFFFL, RecMpidr.index(0xFFFF_FF0FL));
    }

    // 4.9: only Aff0[3:0], Aff1[15:8], Aff2[23:16], Aff3[31:24] may be set
    @Test
    void mpidrValidBits() {
        assertTrue(RecMpidr.isValid(0xFFFF_FF0FL));
        assertFalse(RecMpidr.isValid(0x10));
        assertFalse(RecMpidr.isValid(0x80));
        assertFalse(RecMpidr.isValid(1L << 32));
        assertFalse(RecMpidr.isValid(1L << 63));
    }
}
