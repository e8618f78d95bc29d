package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

/** A page's hybrid-encoded ids decoded a stretch at a time give the values decoded at once. */
class HybridRunsTest {
    @Test
    void stretchesOfAnyLengthGiveParquetJavasValues() throws Exception {
        Random random = new Random(11);
        for (int width = 0; width <= 17; width++) {
            // a dictionary of every id: id i is entry i (ints) or 31 i + 7 (longs)
            int[] ints = new int[1 << width];
            long[] longs = new long[1 << width];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = i;
                longs[i] = 31L * i + 7;
            }
            for (int trial = 0; trial < 8; trial++) {
                int n = 1 + random.nextInt(trial < 4 ? 200 : 6000);
                int[] values = values(random, width, n);
                byte[] bytes = encode(width, values);
                HybridRuns runs = new HybridRuns();
                runs.start(bytes, 0, bytes.length, width, n);
                HybridRuns asLongs = new HybridRuns();
                asLongs.start(bytes, 0, bytes.length, width, n);
                int[] out = new int[n + 1];
                long[] outLongs = new long[n + 1];
                out[n] = 12345;
                outLongs[n] = 12345;
                int[] scratch = new int[3000];
                int at = 0;
                while (runs.remaining() > 0) {
                    // stretches of 1-20 values (cut inside bit-packed groups) or up to 3,000
                    int m = Math.min(runs.remaining(), random.nextBoolean() ? 1 + random.nextInt(20) : random.nextInt(3000));
                    runs.next(ints, out, at, m);
                    asLongs.next(longs, outLongs, at, m, scratch);
                    at += m;
                    assertEquals(n - at, runs.remaining());
                }
                assertArrayEquals(values, java.util.Arrays.copyOf(out, n), "width " + width + ", " + n + " values");
                for (int i = 0; i < n; i++) assertEquals(31L * values[i] + 7, outLongs[i], "width " + width + ", value " + i);
                assertEquals(12345, out[n], "nothing written past the values asked for");
                assertEquals(12345, outLongs[n], "nothing written past the values asked for");
            }
        }
    }

    @Test
    void truncatedDataFailsInTheStretchThatReachesIt() throws Exception {
        int[] values = new int[1000];
        // a run of 500 zeros (a few bytes), then bit-packed groups: half the bytes end inside these
        for (int i = 500; i < values.length; i++) values[i] = (i * 7) % 8;
        byte[] bytes = encode(3, values);
        HybridRuns runs = new HybridRuns();
        runs.start(bytes, 0, bytes.length / 2, 3, values.length);
        int[] out = new int[values.length];
        int[] ids = {0, 1, 2, 3, 4, 5, 6, 7};
        runs.next(ids, out, 0, 10);
        assertArrayEquals(java.util.Arrays.copyOf(values, 10), java.util.Arrays.copyOf(out, 10));
        ParquetDecodingException e = assertThrows(ParquetDecodingException.class, () -> runs.next(ids, out, 10, 990));
        ParquetDecodingException whole = assertThrows(ParquetDecodingException.class,
                () -> RleHybrid.decode(bytes, 0, bytes.length / 2, 3, new int[1000], 1000));
        assertEquals(whole.getMessage(), e.getMessage());
        assertThrows(ParquetDecodingException.class, () -> runs.start(bytes, 0, bytes.length, 33, 5));
    }

    private static int[] values(Random random, int width, int n) {
        int[] values = new int[n];
        int bound = width == 0 ? 1 : 1 << Math.min(width, 30);
        for (int i = 0; i < n; ) {
            int v = random.nextInt(bound);
            // runs of repeats (RLE) mixed with noise (bit-packed groups)
            int len = random.nextBoolean() ? 1 + random.nextInt(60) : 1;
            for (int k = 0; k < len && i < n; k++, i++) values[i] = random.nextBoolean() ? v : random.nextInt(bound);
        }
        return values;
    }

    private static byte[] encode(int width, int[] values) throws Exception {
        RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(width, 64, 1 << 20, new HeapByteBufferAllocator());
        for (int v : values) enc.writeInt(v);
        return enc.toBytes().toByteArray();
    }
}
