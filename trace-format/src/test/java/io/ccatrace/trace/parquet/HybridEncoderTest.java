package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.api.Test;

/** Our RLE / bit-packing hybrid output decodes, with parquet-java's decoder, to the input. */
class HybridEncoderTest {
    /** Values with runs of every length (1..40) and random stretches, in [0, 2^width). */
    private static int[] values(SplittableRandom r, int n, int width) {
        int[] v = new int[n];
        int i = 0;
        while (i < n) {
            int x = width == 32 ? r.nextInt() : r.nextInt(1 << width);
            int run = r.nextInt(4) == 0 ? 1 + r.nextInt(40) : 1;
            for (int k = 0; k < run && i < n; k++) v[i++] = x;
        }
        return v;
    }

    private static void assertDecodes(int[] want, int n, int width, PageBytes out) throws IOException {
        RunLengthBitPackingHybridDecoder d = new RunLengthBitPackingHybridDecoder(width,
                new ByteArrayInputStream(out.array(), 0, out.size()));
        for (int i = 0; i < n; i++) assertEquals(want[i], d.readInt(), "value " + i + " of " + n + ", width " + width);
    }

    @Test
    void intsOfEveryWidthAndLength() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        for (int width = 1; width <= 24; width++) {
            for (int n : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 500, 513, 4099}) {
                int[] v = values(r, n, width);
                PageBytes out = new PageBytes();
                HybridEncoder.encode(v, n, width, out);
                assertDecodes(v, n, width, out);
            }
        }
    }

    @Test
    void bitsOfEveryLength() throws IOException {
        SplittableRandom r = new SplittableRandom(4);
        for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 127, 128, 129, 1000, 65_536}) {
            for (int density = 0; density <= 4; density++) {
                int[] v = new int[n];
                long[] bits = new long[(n + 63) / 64 + 1];
                int i = 0;
                while (i < n) {
                    int x = density == 0 ? 0 : density == 4 ? 1 : r.nextInt(4) < density ? 1 : 0;
                    int run = 1 + r.nextInt(r.nextBoolean() ? 3 : 200);
                    for (int k = 0; k < run && i < n; k++, i++) {
                        v[i] = x;
                        if (x == 1) bits[i >>> 6] |= 1L << i;
                    }
                }
                PageBytes out = new PageBytes();
                HybridEncoder.encodeBits(bits, 0, n, out);
                assertDecodes(v, n, 1, out);
            }
        }
    }

    /**
     * The values are one bit-packed run whatever their runs: one header (groups << 1 | 1), then
     * exactly ceil(n / 8) * width bytes. RLE runs or a header every 63 groups would break the
     * byte patterns ZSTD finds (docs/performance-log.md, session 5).
     */
    @Test
    void oneBitPackedRunWithOneHeader() {
        int n = 10_001;
        for (int width : new int[] {1, 2, 3, 8, 16}) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) v[i] = (i / 100) % 2;
            PageBytes out = new PageBytes();
            HybridEncoder.encode(v, n, width, out);
            int groups = (n + 7) / 8;
            PageBytes header = new PageBytes();
            header.varint(((long) groups << 1) | 1);
            assertEquals(header.size() + groups * width, out.size(), "width " + width);
            for (int i = 0; i < header.size(); i++) assertEquals(header.array()[i], out.array()[i]);
        }
        long[] bits = new long[(n + 63) / 64];
        java.util.Arrays.fill(bits, -1L);
        PageBytes out = new PageBytes();
        HybridEncoder.encodeBits(bits, 0, n, out);
        PageBytes header = new PageBytes();
        header.varint(((long) ((n + 7) / 8) << 1) | 1);
        assertEquals(header.size() + (n + 7) / 8, out.size());
    }

    /** Levels taken from the middle of a bitmap (a page that starts at row from of its row group). */
    @Test
    void bitsFromAnyOffset() throws IOException {
        SplittableRandom r = new SplittableRandom(6);
        long[] bits = new long[40];
        for (int i = 0; i < bits.length - 1; i++) bits[i] = r.nextLong();
        for (int from : new int[] {0, 1, 7, 8, 63, 64, 65, 1000}) {
            for (int n : new int[] {1, 9, 64, 200, 1300}) {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = PresentBits.get(bits, from + i) ? 1 : 0;
                PageBytes out = new PageBytes();
                HybridEncoder.encodeBits(bits, from, n, out);
                assertDecodes(v, n, 1, out);
                assertEquals(0, out.array()[out.size() - 1] & 0xFF & ~((1 << (n % 8 == 0 ? 8 : n % 8)) - 1),
                        "padding bits of the last byte are zero, from " + from + ", n " + n);
            }
        }
    }
}
