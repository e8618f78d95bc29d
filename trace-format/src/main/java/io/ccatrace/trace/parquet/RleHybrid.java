package io.ccatrace.trace.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Bulk decoder of Parquet's RLE / bit-packing hybrid (definition and repetition levels,
 * dictionary ids): runs are filled, bit-packed groups unpacked with one unaligned 64-bit
 * load per value, straight into an int array; one-bit levels go to a bitmap instead
 * ({@link #decodeBits}), where a bit-packed group is one byte of it.
 */
final class RleHybrid {
    static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private RleHybrid() {
    }

    /**
     * Decodes count values of bitWidth bits from buf[pos..end) into out[0..count). Returns
     * the position after the last byte used. Values beyond count in a last bit-packed group
     * are padding and ignored.
     */
    static int decode(byte[] buf, int pos, int end, int bitWidth, int[] out, int count) {
        if (bitWidth < 0 || bitWidth > 32) throw new ParquetDecodingException("bit width " + bitWidth);
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, 0, count, 0);
            return pos;
        }
        int n = 0;
        int bytesPerRun = (bitWidth + 7) >>> 3;
        while (n < count) {
            long header = header(buf, pos, end, n, count);
            pos = (int) (header >>> 32);
            int h = (int) header;
            if ((h & 1) == 0) {
                if (pos + bytesPerRun > end) throw new ParquetDecodingException("RLE run value past the data");
                int v = 0;
                for (int i = 0; i < bytesPerRun; i++) v |= (buf[pos + i] & 0xFF) << (8 * i);
                pos += bytesPerRun;
                int stop = (int) Math.min(count, (long) n + (h >>> 1));
                java.util.Arrays.fill(out, n, stop, v);
                n = stop;
            } else {
                int groups = h >>> 1;
                long bytes = (long) groups * bitWidth;
                if (bytes > end - pos) throw new ParquetDecodingException("bit-packed run past the data");
                int stop = (int) Math.min(count, (long) n + groups * 8L);
                unpack(buf, pos, bitWidth, out, n, stop - n);
                pos += (int) bytes;
                n = stop;
            }
        }
        return pos;
    }

    /**
     * Reads a run header (ULEB128) at pos: returns the position after it in the high 32 bits
     * and the header in the low 32.
     */
    static long header(byte[] buf, int pos, int end, int n, int count) {
        if (pos >= end) throw new ParquetDecodingException("RLE data ends after " + n + " of " + count + " values");
        int header = 0;
        int shift = 0;
        int b;
        do {
            if (pos >= end || shift > 28) throw new ParquetDecodingException("bad RLE run header");
            b = buf[pos++] & 0xFF;
            header |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return ((long) pos << 32) | (header & 0xFFFFFFFFL);
    }

    /** Unpacks the first m values of bit-packed groups at buf[pos..] (the caller checked the groups lie in the data). */
    static void unpack(byte[] buf, int pos, int bitWidth, int[] out, int at, int m) {
        if (bitWidth <= 8) {
            // a group of 8 values is bitWidth bytes: one 8-byte load per group
            int w = bitWidth;
            int mk = (1 << w) - 1;
            int g = 0;
            for (; g + 8 <= m && pos + 8 <= buf.length; g += 8, pos += w) {
                long v = (long) LONG_LE.get(buf, pos);
                int o = at + g;
                out[o] = (int) v & mk;
                out[o + 1] = (int) (v >>> w) & mk;
                out[o + 2] = (int) (v >>> 2 * w) & mk;
                out[o + 3] = (int) (v >>> 3 * w) & mk;
                out[o + 4] = (int) (v >>> 4 * w) & mk;
                out[o + 5] = (int) (v >>> 5 * w) & mk;
                out[o + 6] = (int) (v >>> 6 * w) & mk;
                out[o + 7] = (int) (v >>> 7 * w) & mk;
            }
            at += g;
            m -= g;
        }
        long mask = (1L << bitWidth) - 1;
        // one unaligned 8-byte load per value while 8 bytes remain in the array: bit offset
        // (at most 7) + width (at most 32) fits in 64 bits
        int fast = m;
        while (fast > 0 && pos + (((long) (fast - 1) * bitWidth) >>> 3) + 8 > buf.length) fast--;
        long bit = 0;
        for (int i = 0; i < fast; i++, bit += bitWidth) {
            long w = (long) LONG_LE.get(buf, pos + (int) (bit >>> 3));
            out[at + i] = (int) ((w >>> (bit & 7)) & mask);
        }
        for (int i = fast; i < m; i++, bit += bitWidth) {
            int p = pos + (int) (bit >>> 3);
            long w = 0;
            for (int k = 0; k < 5 && p + k < buf.length; k++) w |= (long) (buf[p + k] & 0xFF) << (8 * k);
            out[at + i] = (int) ((w >>> (bit & 7)) & mask);
        }
    }

    /**
     * Decodes count one-bit levels from buf[pos..end) into a bitmap: bit i of bits is set
     * when level i is 1 (for an optional scalar column: the value is present). Level values
     * other than 0 and 1 in a run read as absent. bits must hold count bits and is cleared
     * here. Returns the position after the last byte used.
     */
    static int decodeBits(byte[] buf, int pos, int end, long[] bits, int count) {
        return decodeBits(buf, pos, end, bits, count, false);
    }

    /**
     * As {@link #decodeBits(byte[], int, int, long[], int)}; with nonZero, a run of any level
     * value but 0 sets its bits (for repetition levels: continues a list), else only 1 does.
     */
    static int decodeBits(byte[] buf, int pos, int end, long[] bits, int count, boolean nonZero) {
        java.util.Arrays.fill(bits, 0, (count + 63) >>> 6, 0L);
        int n = 0;
        while (n < count) {
            long header = header(buf, pos, end, n, count);
            pos = (int) (header >>> 32);
            int h = (int) header;
            if ((h & 1) == 0) {
                if (pos + 1 > end) throw new ParquetDecodingException("RLE run value past the data");
                int v = buf[pos++] & 0xFF;
                int stop = (int) Math.min(count, (long) n + (h >>> 1));
                if (v == 1 || nonZero && v != 0) setRange(bits, n, stop);
                n = stop;
            } else {
                int groups = h >>> 1;
                if (groups > end - pos) throw new ParquetDecodingException("bit-packed run past the data");
                int stop = (int) Math.min(count, (long) n + groups * 8L);
                int g = 0;
                // eight bytes (64 levels) per step while they lie in the array
                for (; stop - n >= 64 && pos + g + 8 <= buf.length; g += 8, n += 64) {
                    long w = (long) LONG_LE.get(buf, pos + g);
                    int s = n & 63;
                    bits[n >>> 6] |= w << s;
                    if (s != 0) bits[(n >>> 6) + 1] |= w >>> (64 - s);
                }
                for (; n < stop; g++) {
                    long b = buf[pos + g] & 0xFFL;
                    int k = stop - n;
                    if (k < 8) b &= (1L << k) - 1;
                    int s = n & 63;
                    bits[n >>> 6] |= b << s;
                    if (s > 56 && b >>> (64 - s) != 0) bits[(n >>> 6) + 1] |= b >>> (64 - s);
                    n += Math.min(8, k);
                }
                pos += groups;
            }
        }
        return pos;
    }

    private static final long EVEN = 0x5555555555555555L;

    /**
     * Decodes count two-bit levels from buf[pos..end) into two bitmaps (both cleared here,
     * each holding count bits): bit i of isA set when level i is a, of isB when it is b
     * (for a list's definition levels: an element, a null list). Returns the position after
     * the last byte used.
     */
    static int decodeTwoBitLevels(byte[] buf, int pos, int end, int count, int a, long[] isA, int b, long[] isB) {
        int words = (count + 63) >>> 6;
        java.util.Arrays.fill(isA, 0, words, 0L);
        java.util.Arrays.fill(isB, 0, words, 0L);
        int n = 0;
        while (n < count) {
            long header = header(buf, pos, end, n, count);
            pos = (int) (header >>> 32);
            int h = (int) header;
            if ((h & 1) == 0) {
                if (pos + 1 > end) throw new ParquetDecodingException("RLE run value past the data");
                int v = buf[pos++] & 0xFF;
                int stop = (int) Math.min(count, (long) n + (h >>> 1));
                if (v == a) setRange(isA, n, stop);
                if (v == b) setRange(isB, n, stop);
                n = stop;
            } else {
                int groups = h >>> 1;
                long bytes = groups * 2L;
                if (bytes > end - pos) throw new ParquetDecodingException("bit-packed run past the data");
                int stop = (int) Math.min(count, (long) n + groups * 8L);
                int p = pos;
                // 32 levels (8 bytes) per step while they lie in the array, then byte by byte (4 levels)
                for (; stop - n >= 32 && p + 8 <= buf.length; p += 8, n += 32) {
                    long x = (long) LONG_LE.get(buf, p);
                    put(isA, n, evenBits(match(x, a)), 32);
                    put(isB, n, evenBits(match(x, b)), 32);
                }
                for (; n < stop; p++) {
                    int k = Math.min(4, stop - n);
                    long x = buf[p] & 0xFFL;
                    long keep = (1L << k) - 1;
                    put(isA, n, evenBits(match(x, a)) & keep, k);
                    put(isB, n, evenBits(match(x, b)) & keep, k);
                    n += k;
                }
                pos += (int) bytes;
            }
        }
        return pos;
    }

    /** The even bit of each two-bit field of x set where the field equals v (0..3), the odd bits clear. */
    private static long match(long x, int v) {
        long lo = x & EVEN;
        long hi = (x >>> 1) & EVEN;
        long l = (v & 1) != 0 ? lo : ~lo & EVEN;
        long m = (v & 2) != 0 ? hi : ~hi & EVEN;
        return l & m;
    }

    /** Packs the even bits of x (bits 0, 2, 4, ...) into its low 32 bits. */
    private static long evenBits(long x) {
        x &= EVEN;
        x = (x | x >>> 1) & 0x3333333333333333L;
        x = (x | x >>> 2) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | x >>> 4) & 0x00FF00FF00FF00FFL;
        x = (x | x >>> 8) & 0x0000FFFF0000FFFFL;
        return (x | x >>> 16) & 0x00000000FFFFFFFFL;
    }

    /** ORs the k low bits of v (no others set) into bits at bit n. */
    private static void put(long[] bits, int n, long v, int k) {
        int s = n & 63;
        bits[n >>> 6] |= v << s;
        if (s + k > 64) bits[(n >>> 6) + 1] |= v >>> (64 - s);
    }

    /** Sets bits [from, to). */
    static void setRange(long[] bits, int from, int to) {
        if (from >= to) return;
        int a = from >>> 6;
        int b = (to - 1) >>> 6;
        long first = -1L << (from & 63);
        long last = -1L >>> (63 - ((to - 1) & 63));
        if (a == b) {
            bits[a] |= first & last;
            return;
        }
        bits[a] |= first;
        for (int i = a + 1; i < b; i++) bits[i] = -1L;
        bits[b] |= last;
    }
}
