package io.ccatrace.model.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** exit.gprs as the REC_EXIT event carries them: x0.. without trailing zero registers. */
class RecRunExitTest {
    @Test
    void trailingZeroRegistersAreDropped() {
        RecRunExit x = RecRunExit.of(ExitReason.SYNC, 0, 0, 0, 5, 0, 6, 0, 0);
        assertArrayEquals(new long[] {5, 0, 6}, x.gprsTrimmed());
        assertEquals(31, x.gprs().length);
    }

    @Test
    void allZeroOrNoRegistersGiveAnEmptyArray() {
        assertEquals(0, RecRunExit.of(ExitReason.IRQ, 0, 0, 0).gprsTrimmed().length);
        assertEquals(0, RecRunExit.of(ExitReason.IRQ, 0, 0, 0, 0, 0).gprsTrimmed().length);
    }

    @Test
    void registersWithoutTrailingZerosAreKeptWhole() {
        long[] g = new long[31];
        for (int i = 0; i < g.length; i++) g[i] = i + 1;
        RecRunExit x = RecRunExit.hostCall(9, g.clone());
        assertArrayEquals(g, x.gprsTrimmed());
        assertArrayEquals(new long[] {0x77}, RecRunExit.of(ExitReason.SYNC, 0, 0, 0, 0x77).gprsTrimmed());
    }
}
