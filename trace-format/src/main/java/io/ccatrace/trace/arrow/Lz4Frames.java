package io.ccatrace.trace.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * LZ4 frames (the LZ4_FRAME codec of Arrow IPC buffer compression) for the trace's buffers.
 *
 * <p>The encoder is made for our buffers, which are mostly zeros: every column has a slot per
 * row, and a null cell's slot is zero. It finds runs of zero bytes (a word at a time, then
 * exact to the byte at both ends) and writes each run of at least {@link #MIN_RUN} bytes as one
 * LZ4 match of offset 1 that repeats the run's first zero byte, which is written as a literal;
 * everything else is literals. It looks for no other repeats, so it costs a pass over the
 * buffer's words plus a copy of its non-zero bytes. Its output is an ordinary frame (one
 * independent block per 4 MiB, no checksums) that any LZ4 decoder reads, and it respects the
 * block format's end rules (the last 5 bytes are literals; no match starts in the last 12).
 *
 * <p>The decoder reads any LZ4 frame (linked or independent blocks, content size, block and
 * content checksums, which it skips; uncompressed blocks; skippable frames are refused) and
 * checks every length and offset against its input and the expected output size, so corrupt
 * input fails with an {@link IllegalArgumentException} saying what is wrong, never reads or
 * writes outside its buffers.
 */
final class Lz4Frames {
    static final int MAGIC = 0x184D2204;
    /** FLG: version 01, independent blocks, no checksums, no content size, no dictionary. */
    static final byte FLG = 0x60;
    /** BD: 4 MiB maximum block size. */
    static final byte BD = 0x70;
    static final int MAX_BLOCK = 4 << 20;
    /** The shortest zero run written as a match (1 literal zero + a match of at least 7). */
    static final int MIN_RUN = 8;
    /**
     * No LZ4 frame of n bytes decodes to more than about 255 n bytes (a length byte adds at most
     * 255): a buffer declaring more is corrupt, refused before anything is allocated for it.
     */
    static long maxDecoded(long frameBytes) {
        return frameBytes * 256 + 64;
    }

    /** Whether a buffer of frameBytes may decode to declared bytes (at most maxSize). */
    static boolean plausible(long declared, long frameBytes, long maxSize) {
        return declared >= 0 && declared <= maxSize && declared <= maxDecoded(frameBytes);
    }

    private static final int LAST_LITERALS = 5;
    private static final int MATCH_LIMIT = 12;
    private static final int HEADER = 7;

    private Lz4Frames() {
    }

    /** An upper bound of {@link #encode}'s output for n input bytes. */
    static long bound(long n) {
        long blocks = Math.max(1, (n + MAX_BLOCK - 1) / MAX_BLOCK);
        return HEADER + blocks * 4 + n + n / 255 + blocks * 16 + 4;
    }

    /**
     * Encodes the n bytes at native address src as one LZ4 frame at native address dst, which
     * must have room for {@link #bound}(n) bytes; returns the frame's length. The addresses are
     * off-heap memory the caller owns (Arrow buffers): the encoder reads exactly [src, src + n)
     * and writes within [dst, dst + bound(n)), raw, without bounds checks (it is the hot path of
     * every recording; its indices come from its own loops, and the tests check it over buffers
     * of every size and density against the decoder and the reference lz4 command line).
     */
    static int encode(long src, int n, long dst) {
        long o = dst;
        MemoryUtil.putInt(o, MAGIC);
        MemoryUtil.putByte(o + 4, FLG);
        MemoryUtil.putByte(o + 5, BD);
        MemoryUtil.putByte(o + 6, HEADER_CHECKSUM);
        o += HEADER;
        for (int start = 0; start < n; start += MAX_BLOCK) {
            int len = Math.min(MAX_BLOCK, n - start);
            int size = block(src + start, len, o + 4);
            if (size >= len) { // never in practice for our buffers; stored uncompressed then
                MemoryUtil.copyMemory(src + start, o + 4, len);
                MemoryUtil.putInt(o, len | 0x80000000);
                o += 4 + len;
            } else {
                MemoryUtil.putInt(o, size);
                o += 4 + size;
            }
        }
        MemoryUtil.putInt(o, 0);
        return (int) (o + 4 - dst);
    }

    /** One block of the len bytes at src, written at o; returns its compressed size. */
    private static int block(long src, int len, long o) {
        int matchEnd = len - LAST_LITERALS;
        int lastMatchStart = len - MATCH_LIMIT;
        long p = o;
        int lit = 0;
        int i = 0;
        while (i + 8 <= len) {
            if (MemoryUtil.getLong(src + i) != 0) {
                i += 8;
                continue;
            }
            int s = i;
            if (i - 8 >= lit) s = i - Long.numberOfLeadingZeros(MemoryUtil.getLong(src + i - 8)) / 8;
            int e = i + 8;
            while (e + 8 <= len && MemoryUtil.getLong(src + e) == 0) e += 8;
            if (e + 8 <= len) {
                e += Long.numberOfTrailingZeros(MemoryUtil.getLong(src + e)) / 8;
            } else {
                while (e < len && MemoryUtil.getByte(src + e) == 0) e++;
            }
            int m = Math.max(s, lit) + 1; // the run's first zero stays a literal: the match repeats it
            int mEnd = Math.min(e, matchEnd);
            if (m <= lastMatchStart && mEnd - m >= MIN_RUN - 1) {
                p = sequence(src + lit, m - lit, p, mEnd - m);
                lit = mEnd;
            }
            i = e;
        }
        return (int) (sequence(src + lit, len - lit, p, 0) - o);
    }

    /** Writes one sequence (literals, then a match of offset 1 unless matchLen is 0); returns the new end. */
    private static long sequence(long from, int litLen, long p, int matchLen) {
        int ml = matchLen == 0 ? 0 : matchLen - 4;
        MemoryUtil.putByte(p++, (byte) ((Math.min(litLen, 15) << 4) | Math.min(ml, 15)));
        if (litLen >= 15) p = length(p, litLen - 15);
        copy(from, p, litLen);
        p += litLen;
        if (matchLen == 0) return p;
        MemoryUtil.putShort(p, (short) 1); // little-endian on every platform Arrow runs on
        p += 2;
        if (ml >= 15) p = length(p, ml - 15);
        return p;
    }

    /** Copies len bytes: a word at a time when short (most literals are one or two cells). */
    private static void copy(long from, long to, int len) {
        if (len > 32) {
            MemoryUtil.copyMemory(from, to, len);
            return;
        }
        int k = 0;
        for (; k + 8 <= len; k += 8) MemoryUtil.putLong(to + k, MemoryUtil.getLong(from + k));
        for (; k < len; k++) MemoryUtil.putByte(to + k, MemoryUtil.getByte(from + k));
    }

    private static long length(long p, int rest) {
        while (rest >= 255) {
            MemoryUtil.putByte(p++, (byte) 255);
            rest -= 255;
        }
        MemoryUtil.putByte(p++, (byte) rest);
        return p;
    }

    /**
     * Decodes the LZ4 frame in src[from, to) into dst[0, size), exactly size bytes; src and
     * dst are little-endian. Throws IllegalArgumentException naming the problem when the
     * frame is not a valid frame of exactly that size.
     */
    static void decode(ByteBuffer src, int from, int to, ByteBuffer dst, int size) {
        int p = from;
        need(p + HEADER <= to, "frame header cut short");
        need(src.getInt(p) == MAGIC, "not an LZ4 frame (magic " + Integer.toHexString(src.getInt(p)) + ")");
        int flg = src.get(p + 4) & 0xFF;
        need((flg >>> 6) == 1, "LZ4 frame version " + (flg >>> 6));
        need((flg & 0x01) == 0, "LZ4 frame needs a dictionary");
        boolean blockSum = (flg & 0x10) != 0;
        boolean contentSize = (flg & 0x08) != 0;
        boolean contentSum = (flg & 0x04) != 0;
        int descriptor = 2 + (contentSize ? 8 : 0);
        need(p + 4 + descriptor + 1 <= to, "frame header cut short");
        need(headerChecksum(src, p + 4, descriptor) == src.get(p + 4 + descriptor), "LZ4 frame header checksum mismatch");
        if (contentSize) {
            long declared = src.getLong(p + 6);
            need(declared == size, "LZ4 frame declares " + declared + " bytes, expected " + size);
        }
        p += 4 + descriptor + 1;
        int out = 0;
        while (true) {
            need(p + 4 <= to, "LZ4 frame cut short before its end mark");
            int word = src.getInt(p);
            p += 4;
            if (word == 0) break;
            int len = word & 0x7FFFFFFF;
            need(len <= to - p, "LZ4 block of " + len + " bytes runs past the buffer");
            if (word < 0) {
                need(len <= size - out, "LZ4 frame holds more than " + size + " bytes");
                dst.put(out, src, p, len);
                out += len;
            } else {
                out = block(src, p, p + len, dst, out, size);
            }
            p += len + (blockSum ? 4 : 0);
        }
        if (contentSum) p += 4;
        need(p <= to, "LZ4 frame cut short in its checksum");
        need(out == size, "LZ4 frame holds " + out + " bytes, expected " + size);
    }

    /** Decodes one block's sequences into dst from out; returns the new output length. */
    private static int block(ByteBuffer src, int p, int end, ByteBuffer dst, int out, int size) {
        while (p < end) {
            int token = src.get(p++) & 0xFF;
            int lit = token >>> 4;
            if (lit == 15) {
                int more = extension(src, p, end, "literal");
                lit += more;
                p += more / 255 + 1;
            }
            need(lit <= end - p, "LZ4 literals run past the block");
            need(lit <= size - out, "LZ4 frame holds more than " + size + " bytes");
            dst.put(out, src, p, lit);
            p += lit;
            out += lit;
            if (p == end) break; // the last sequence has no match
            need(p + 2 <= end, "LZ4 match offset cut short");
            int offset = src.getShort(p) & 0xFFFF;
            p += 2;
            need(offset != 0 && offset <= out, "LZ4 match offset " + offset + " before the start of the output");
            int ml = (token & 15) + 4;
            if ((token & 15) == 15) {
                int more = extension(src, p, end, "match");
                ml += more;
                p += more / 255 + 1;
            }
            need(ml <= size - out, "LZ4 frame holds more than " + size + " bytes");
            copyMatch(dst, out, offset, ml);
            out += ml;
        }
        return out;
    }

    /**
     * The sum of a length's extension bytes from src[p]: bytes of 255 and a last one below 255,
     * so they take sum / 255 + 1 bytes.
     */
    private static int extension(ByteBuffer src, int p, int end, String what) {
        int sum = 0;
        int b;
        do {
            need(p < end, "LZ4 " + what + " length cut short");
            b = src.get(p++) & 0xFF;
            sum += b;
            need(sum < 1 << 30, "LZ4 " + what + " length beyond any buffer"); // never overflows
        } while (b == 255);
        return sum;
    }

    private static void copyMatch(ByteBuffer dst, int out, int offset, int len) {
        if (offset == 1) {
            byte b = dst.get(out - 1);
            for (int k = 0; k < len; k++) dst.put(out + k, b);
        } else if (offset >= len) {
            dst.put(out, dst, out - offset, len);
        } else {
            for (int k = 0; k < len; k++) dst.put(out + k, dst.get(out - offset + k));
        }
    }

    private static void need(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException(what);
    }

    private static final byte HEADER_CHECKSUM = headerChecksum(FLG, BD);

    private static byte headerChecksum(byte flg, byte bd) {
        ByteBuffer b = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, flg).put(1, bd);
        return headerChecksum(b, 0, 2);
    }

    /** The frame descriptor's checksum byte: the second byte of XXH32 (seed 0) of the descriptor. */
    static byte headerChecksum(ByteBuffer b, int from, int len) {
        return (byte) (Xxh32.hash(b, from, len) >>> 8);
    }
}
