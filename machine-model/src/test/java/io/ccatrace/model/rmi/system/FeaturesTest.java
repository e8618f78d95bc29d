package io.ccatrace.model.rmi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.Fixture;
import org.junit.jupiter.api.Test;

/**
 * RMI_FEATURES (reference 4.2) and the rel0 RmiFeatureRegister0 layout (reference 2.5). The
 * expected values are assembled here from the reference's bit positions and the machine's
 * declared resources (counts encoded minus one where 2.5 says so).
 */
class FeaturesTest {
    static long field(long value, int lo) {
        return value << lo;
    }

    @Test
    void register0OfTheDefaultMachine() {
        MachineConfig c = MachineConfig.defaults(); // 48-bit PA, SVE VL 3, 6 BPs, 4 WPs, 8 PMU ctrs, 16 LRs
        long expected = field(48, 0)     // S2SZ [7:0]
                | field(0, 8)            // LPA2: not implemented
                | field(1, 9)            // SVE_EN
                | field(3, 10)           // SVE_VL [13:10]
                | field(6 - 1, 14)       // NUM_BPS [19:14], minus one
                | field(4 - 1, 20)       // NUM_WPS [25:20], minus one
                | field(1, 26)           // PMU_EN
                | field(8, 27)           // PMU_NUM_CTRS [31:27]
                | field(1, 32)           // HASH_SHA_256
                | field(1, 33)           // HASH_SHA_512
                | field(16 - 1, 34)      // GICV3_NUM_LRS [37:34], minus one
                | field(10, 38);         // MAX_RECS_ORDER [41:38]
        long[] regs = new Fixture(c).rmi("RMI_FEATURES", 0);
        assertEquals(0L, regs[0]);
        assertEquals(expected, regs[1]);
        assertEquals(0L, regs[1] >>> 42, "bits 63:42 reserved");
    }

    @Test
    void register0FollowsTheMachine() {
        MachineConfig d = MachineConfig.defaults();
        MachineConfig c = new MachineConfig(d.dram(), 1, 40, 8, 0, "1.0", 2, 2, 0, false, 0, 4);
        long expected = field(40, 0) | field(1, 14) | field(1, 20) | field(1, 26)
                | field(1, 32) | field(1, 33) | field(3, 34) | field(10, 38);
        assertEquals(expected, new Fixture(c).rmi("RMI_FEATURES", 0)[1]);
    }

    @Test
    void otherIndicesReadZero() {
        Fixture f = new Fixture();
        for (long index : new long[] {1, 2, 0x100, -1L}) {
            long[] regs = f.rmi("RMI_FEATURES", index);
            assertEquals(0L, regs[0], "always SUCCESS");
            assertEquals(0L, regs[1]);
        }
    }
}
