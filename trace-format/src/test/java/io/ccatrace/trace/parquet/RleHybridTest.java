package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

/** Our bulk RLE / bit-packing decoder reads what parquet-java's encoder writes. */
class RleHybridTest {
    @Test
    void decodesParquetJavasEncodingForEveryWidth() throws Exception {
        Random random = new Random(42);
        for (int width = 1; width <= 20; width++) {
            for (int trial = 0; trial < 5; trial++) {
                int n = 1 + random.nextInt(5000);
                int[] values = new int[n];
                for (int i = 0; i < n; ) {
                    int v = random.nextInt(1 << width);
                    // runs of repeats (RLE) mixed with noise (bit-packed groups)
                    int len = random.nextBoolean() ? 1 + random.nextInt(40) : 1;
                    for (int k = 0; k < len && i < n; k++, i++) values[i] = random.nextBoolean() ? v : random.nextInt(1 << width);
                }
                RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(width, 64, 1 << 20,
                        new HeapByteBufferAllocator());
                for (int v : values) enc.writeInt(v);
                byte[] bytes = enc.toBytes().toByteArray();
                int[] out = new int[n];
                RleHybrid.decode(bytes, 0, bytes.length, width, out, n);
                assertArrayEquals(values, out, "width " + width + ", " + n + " values");
            }
        }
    }

    /** Two-bit levels (a list's definition levels) into two bitmaps: exactly the levels equal to each value. */
    @Test
    void twoBitLevelsGiveTheBitmapsOfTwoValues() throws Exception {
        Random random = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(trial < 30 ? 300 : 20_000);
            int[] values = new int[n];
            for (int i = 0; i < n; ) {
                int v = random.nextInt(4);
                int len = random.nextInt(3) == 0 ? 1 + random.nextInt(100) : 1;
                for (int k = 0; k < len && i < n; k++, i++) values[i] = random.nextBoolean() ? v : random.nextInt(4);
            }
            RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(2, 64, 1 << 20, new HeapByteBufferAllocator());
            for (int v : values) enc.writeInt(v);
            byte[] bytes = enc.toBytes().toByteArray();
            int a = random.nextInt(4);
            int b = random.nextInt(4);
            int words = (n >>> 6) + 2;
            long[] isA = new long[words];
            long[] isB = new long[words];
            java.util.Arrays.fill(isA, -1L);
            java.util.Arrays.fill(isB, -1L);
            RleHybrid.decodeTwoBitLevels(bytes, 0, bytes.length, n, a, isA, b, isB);
            long[] wantA = new long[words];
            long[] wantB = new long[words];
            // the word after the last level's is cleared or untouched: compare the levels' words only
            for (int i = 0; i < n; i++) {
                if (values[i] == a) wantA[i >>> 6] |= 1L << i;
                if (values[i] == b) wantB[i >>> 6] |= 1L << i;
            }
            int used = (n + 63) >>> 6;
            assertArrayEquals(java.util.Arrays.copyOf(wantA, used), java.util.Arrays.copyOf(isA, used), n + " levels, value " + a);
            assertArrayEquals(java.util.Arrays.copyOf(wantB, used), java.util.Arrays.copyOf(isB, used), n + " levels, value " + b);
        }
    }

    @Test
    void truncatedDataIsAnError() throws Exception {
        RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(3, 64, 1 << 20, new HeapByteBufferAllocator());
        for (int i = 0; i < 100; i++) enc.writeInt(i % 8);
        byte[] bytes = enc.toBytes().toByteArray();
        assertThrows(ParquetDecodingException.class, () -> RleHybrid.decode(bytes, 0, bytes.length / 2, 3, new int[100], 100));
    }
}
