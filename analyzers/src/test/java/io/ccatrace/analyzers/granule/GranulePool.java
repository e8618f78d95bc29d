package io.ccatrace.analyzers.granule;

import java.util.Random;

/**
 * Random physical addresses for the dense-table tests: inside the dense window (DRAM,
 * anywhere below 1 TiB), at its last granule and past it, junk (mostly far), chunk borders and NULL.
 */
public final class GranulePool {
    private GranulePool() {
    }

    public static long randomPa(Random r, long[] pool) {
        long pa = pool[r.nextInt(pool.length)];
        return pa + (r.nextBoolean() ? 0 : r.nextInt(0x1000));   // any byte of the granule names it
    }

    public static long[] pool(Random r) {
        long[] pool = new long[64];
        for (int i = 0; i < pool.length; i++) {
            switch (i % 6) {
                case 0: pool[i] = 0x8000_0000L + ((long) r.nextInt(1 << 16) << 12); break;      // DRAM
                case 1: pool[i] = ((long) r.nextInt(1 << 28)) << 12; break;                        // anywhere below 1 TiB
                case 2: pool[i] = (1L << 40) - 0x1000 + ((long) r.nextInt(4) << 12); break;        // last dense granule and past it
                case 3: pool[i] = r.nextLong() & ~0xFFFL; break;                                   // junk, mostly far
                case 4: pool[i] = (0x100_0000L * r.nextInt(64)) - 0x1000 * r.nextInt(2); break;   // chunk borders
                default: pool[i] = Long.MIN_VALUE; break;                                          // NULL
            }
        }
        return pool;
    }
}
