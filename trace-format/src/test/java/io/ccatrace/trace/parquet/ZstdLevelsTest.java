package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.Column;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-column ZSTD levels: a level for every column, and each page compressed at the level asked for. */
class ZstdLevelsTest {
    @Test
    void everyColumnHasOneOfTheThreeLevels() {
        Set<Column> both = EnumSet.copyOf(ZstdLevels.FAST);
        both.retainAll(ZstdLevels.HIGH);
        assertTrue(both.isEmpty(), "columns in both sets: " + both);
        for (Column c : Column.values()) {
            int l = ZstdLevels.of(c);
            assertTrue(l == ZstdLevels.FAST_LEVEL || l == Zstd.LEVEL || l == ZstdLevels.HIGH_LEVEL
                    || c == Column.PAYLOAD && l == ZstdLevels.PAYLOAD_LEVEL, c + ": " + l);
        }
        assertEquals(ZstdLevels.FAST_LEVEL, ZstdLevels.of(Column.TIME));
        assertEquals(ZstdLevels.PAYLOAD_LEVEL, ZstdLevels.of(Column.PAYLOAD));
        assertEquals(ZstdLevels.HIGH_LEVEL, ZstdLevels.of(Column.STATUS));
        assertEquals(Zstd.LEVEL, ZstdLevels.of(Column.PA));
    }

    /** Page-like input: short repeats of dictionary ids among random bytes, where the levels differ. */
    private static byte[] page() {
        SplittableRandom r = new SplittableRandom(3);
        byte[] b = new byte[1 << 17];
        for (int i = 0; i < b.length; ) {
            if (i > 64 && r.nextInt(4) > 0) {
                int from = i - 1 - r.nextInt(Math.min(i - 1, 60000));
                int n = Math.min(4 + r.nextInt(12), b.length - i);
                System.arraycopy(b, from, b, i, n);
                i += n;
            } else {
                b[i++] = (byte) r.nextInt(64);
            }
        }
        return b;
    }

    @Test
    void eachLevelGivesItsOwnFrameAndAllDecode() {
        byte[] src = page();
        try (Zstd z = new Zstd()) {
            byte[] fast = z.compress(src, src.length, ZstdLevels.FAST_LEVEL);
            byte[] mid = z.compress(src, src.length, Zstd.LEVEL);
            byte[] high = z.compress(src, src.length, ZstdLevels.HIGH_LEVEL);
            // switching the one context back and forth gives each level's own frame
            assertArrayEquals(fast, z.compress(src, src.length, ZstdLevels.FAST_LEVEL));
            assertNotEquals(fast.length, high.length, "levels 3 and 6 gave frames of equal size");
            assertTrue(high.length < fast.length, high.length + " >= " + fast.length);
            for (byte[] f : new byte[][] {fast, mid, high}) {
                assertArrayEquals(src, com.github.luben.zstd.Zstd.decompress(f, src.length));
            }
            byte[] payload = z.compress(src, src.length, ZstdLevels.PAYLOAD_LEVEL);
            assertArrayEquals(src, com.github.luben.zstd.Zstd.decompress(payload, src.length));
            int[] levels = {ZstdLevels.FAST_LEVEL, Zstd.LEVEL, ZstdLevels.HIGH_LEVEL, ZstdLevels.PAYLOAD_LEVEL};
            byte[][] frames = {fast, mid, high, payload};
            for (int i = 0; i < levels.length; i++) {
                try (com.github.luben.zstd.ZstdCompressCtx ref = new com.github.luben.zstd.ZstdCompressCtx()) {
                    ref.setLevel(levels[i]);
                    ref.setMinMatch(Zstd.MIN_MATCH);
                    assertArrayEquals(ref.compress(src), frames[i], "level " + levels[i] + ": frame differs from a fresh context's");
                }
            }
        }
    }
}
