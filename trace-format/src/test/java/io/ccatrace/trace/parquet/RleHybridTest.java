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

    @Test
    void truncatedDataIsAnError() throws Exception {
        RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(3, 64, 1 << 20, new HeapByteBufferAllocator());
        for (int i = 0; i < 100; i++) enc.writeInt(i % 8);
        byte[] bytes = enc.toBytes().toByteArray();
        assertThrows(ParquetDecodingException.class, () -> RleHybrid.decode(bytes, 0, bytes.length / 2, 3, new int[100], 100));
    }
}
