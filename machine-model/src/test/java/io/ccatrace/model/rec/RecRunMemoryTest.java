package io.ccatrace.model.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.memory.PhysicalMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RecRun read and written in place in memory (what RMI_REC_ENTER does) must give the same
 * bytes and values as the byte-array forms, at the offsets of reference 9.3.
 */
class RecRunMemoryTest {
    private static final long RUN = 0x8000_3000L;

    private static PhysicalMemory memory() {
        return new PhysicalMemory(List.of(new DramBank(0x8000_0000L, 1L << 20, Pas.NS)));
    }

    /** The RecRun page filled with fill bytes (stale content an exit write must clear). */
    private static byte[] stalePage(PhysicalMemory m, int fill) {
        byte[] stale = new byte[4096];
        Arrays.fill(stale, (byte) fill);
        m.write(RUN, stale);
        return stale;
    }

    @Test
    void exitWrittenInPlaceEqualsItsBytesAndClearsStaleFields() {
        PhysicalMemory m = memory();
        byte[] stale = stalePage(m, 0xA5);
        long[] gprs = new long[31];
        for (int i = 0; i < gprs.length; i++) gprs[i] = 0x1111_0000L + i;
        long[] lrs = {0x5000_0000_0000_0027L, 7};
        RecRunExit x = new RecRunExit(ExitReason.RIPAS_CHANGE, 0x9200_0046L, 0x1234, 0x5670,
                gprs, 0x1F, lrs, 0x8_0000L, 0x9_0000L, 1, 0x1_2345_6789L);
        x.writeTo(m, RUN);
        byte[] page = m.readGranule(RUN);
        assertArrayEquals(x.toBytes(), Arrays.copyOfRange(page, 0x800, 0x1000));
        assertArrayEquals(Arrays.copyOf(stale, 0x800), Arrays.copyOf(page, 0x800), "enter half untouched");
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(ExitReason.RIPAS_CHANGE.ordinal(), b.getLong(0x800));
        assertEquals(0x2345_6789, b.getInt(0xE00), "imm: 4 bytes (TF-RMM width)");
        assertEquals(0, b.getInt(0xE04));
        assertEquals(1, b.get(0xD10));
        assertEquals(0, b.get(0xD11));
        assertEquals(0, b.getLong(0xF00), "pmu_ovf_status zeroed");
    }

    @Test
    void exitWrittenWithTheEntryGicStateReportsThatState() {
        PhysicalMemory m = memory();
        stalePage(m, 0x5A);
        RecRunExit x = RecRunExit.of(ExitReason.SYNC, 0x9200_0046L, 0x10, 0x20, 0xAB);
        long[] lrs = new long[16];
        lrs[0] = 0x5000_0000_0000_0027L;
        lrs[15] = 3;
        x.writeTo(m, RUN, 0x40FE, lrs);
        RecRunExit expected = new RecRunExit(ExitReason.SYNC, 0x9200_0046L, 0x10, 0x20, new long[] {0xAB},
                0x40FE, lrs.clone(), 0, 0, 0, 0);
        byte[] page = m.readGranule(RUN);
        assertArrayEquals(expected.toBytes(), Arrays.copyOfRange(page, 0x800, 0x1000));
        RecRunExit read = RecRunExit.parse(Arrays.copyOfRange(page, 0x800, 0x1000));
        assertEquals(0x40FE, read.gicv3Hcr());
        assertArrayEquals(lrs, read.gicv3Lrs());
        assertEquals(0, x.gicv3Hcr(), "the exit itself is unchanged");
        x.writeTo(m, RUN, 0, new long[] {7});
        assertEquals(7, m.readLong(RUN + 0xB08));
        assertEquals(0, m.readLong(RUN + 0xB10), "fewer list registers: the rest zero");
    }

    @Test
    void enterReadInPlaceEqualsParse() {
        PhysicalMemory m = memory();
        ByteBuffer b = ByteBuffer.allocate(RecRunEnter.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x000, RecRunEnter.EMUL_MMIO | RecRunEnter.TRAP_WFE);
        for (int i = 0; i < 31; i++) b.putLong(0x200 + 8 * i, 0x77L << i);
        b.putLong(0x300, 0x1F);
        for (int i = 0; i < 16; i++) b.putLong(0x308 + 8 * i, 0x4000_0000_0000_0000L | i);
        m.write(RUN, b.array());
        RecRunEnter read = RecRunEnter.read(m, RUN);
        RecRunEnter parsed = RecRunEnter.parse(b.array());
        assertEquals(parsed.flags(), read.flags());
        assertArrayEquals(parsed.gprs(), read.gprs());
        assertEquals(0x1F, read.gicv3Hcr());
        assertArrayEquals(parsed.gicv3Lrs(), read.gicv3Lrs());
        assertEquals(0x77L << 30, read.gprs()[30]);
    }

    @Test
    void enterOfAnUnwrittenPageIsAllZero() {
        RecRunEnter read = RecRunEnter.read(memory(), RUN);
        assertEquals(0, read.flags());
        assertArrayEquals(new long[31], read.gprs());
        assertArrayEquals(new long[16], read.gicv3Lrs());
    }
}
