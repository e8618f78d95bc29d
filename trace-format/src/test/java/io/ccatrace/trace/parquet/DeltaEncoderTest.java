package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.junit.jupiter.api.Test;

/** Our DELTA_BINARY_PACKED output decodes, with parquet-java's reader, to the input. */
class DeltaEncoderTest {
    private static long[] values(SplittableRandom r, int n, int shape) {
        long[] v = new long[n];
        long x = r.nextLong();
        for (int i = 0; i < n; i++) {
            switch (shape) {
                case 0: x = i; break;                                   // seq: dense
                case 1: x += r.nextInt(3) == 0 ? 0 : r.nextInt(200); break; // time: never decreasing
                case 2: x = r.nextInt(5) == 0 ? i : x; break;            // cause_seq: sawtooth
                case 3: x = r.nextLong(); break;                         // any 64-bit value (deltas overflow)
                default: x = r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            v[i] = x;
        }
        return v;
    }

    @Test
    void everyShapeAndLengthDecodes() throws IOException {
        decodes(new DeltaEncoder());
    }

    /** Widths rounded up to whole bytes are valid too (time's deltas). */
    @Test
    void wholeByteWidthsDecode() throws IOException {
        decodes(new DeltaEncoder(true));
        long[] v = new long[129];
        for (int i = 1; i < v.length; i++) v[i] = v[i - 1] + (i % 3 == 0 ? 100 : 0);
        PageBytes bits = new PageBytes();
        new DeltaEncoder().encode(v, v.length, bits);
        PageBytes bytes = new PageBytes();
        new DeltaEncoder(true).encode(v, v.length, bytes);
        // deltas 0 and 100: 7 bits unrounded, 8 rounded, 4 miniblocks of 32 deltas
        assertEquals(16, bytes.size() - bits.size(), "one more bit for each of 128 deltas: 16 more bytes");
    }

    private static void decodes(DeltaEncoder enc) throws IOException {
        SplittableRandom r = new SplittableRandom(8);
        for (int shape = 0; shape <= 4; shape++) {
            for (int n : new int[] {0, 1, 2, 31, 32, 33, 127, 128, 129, 160, 1000, 65_536}) {
                long[] v = values(r, n, shape);
                PageBytes out = new PageBytes();
                out.u8(0x5A);                        // the encoding need not start at offset 0
                enc.encode(v, n, out);
                out.u8(0x7E);
                DeltaBinaryPackingValuesReader d = new DeltaBinaryPackingValuesReader();
                d.initFromPage(n, ByteBufferInputStream.wrap(ByteBuffer.wrap(out.array(), 1, out.size() - 1)));
                for (int i = 0; i < n; i++) assertEquals(v[i], d.readLong(), "value " + i + " of " + n + ", shape " + shape);
            }
        }
    }
}
