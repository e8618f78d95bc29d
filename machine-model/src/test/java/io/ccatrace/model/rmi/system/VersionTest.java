package io.ccatrace.model.rmi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.rmi.Fixture;
import org.junit.jupiter.api.Test;

/** RMI_VERSION (reference 4.1): rel0 implements only 1.0 = 0x10000 (major << 16 | minor). */
class VersionTest {
    static final long V1_0 = (1L << 16) | 0;

    final Fixture f = new Fixture();

    @Test
    void requestingOnePointZeroSucceeds() {
        long[] regs = f.rmi("RMI_VERSION", V1_0);
        assertEquals(0L, regs[0]);
        assertEquals(V1_0, regs[1], "x1 lower");
        assertEquals(V1_0, regs[2], "x2 higher");
    }

    @Test
    void otherRevisionsAreErrorInputWithTheSameOutputs() {
        for (long req : new long[] {0, (1L << 16) | 1, 2L << 16, -1L}) {
            long[] regs = f.rmi("RMI_VERSION", req);
            assertEquals(1L, regs[0], "RMI_ERROR_INPUT for 0x" + Long.toHexString(req));
            assertEquals(V1_0, regs[1]);
            assertEquals(V1_0, regs[2]);
        }
    }
}
