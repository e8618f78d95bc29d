package io.ccatrace.trace.arrow;

import io.ccatrace.trace.TraceFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The buffers of a compressed Arrow record batch as the batch reader meets them in a body:
 * each is an 8-byte little-endian uncompressed length followed by an LZ4 frame, or -1 followed
 * by the bytes as they are (Arrow IPC's BodyCompression, method BUFFER). Every length is checked
 * against the body; corrupt buffers fail with the file and the body offset.
 */
final class Lz4Buffers {
    /** No buffer of ours decompresses to more (a batch's largest column is far smaller). */
    static final long MAX_SIZE = 1L << 30;

    private Lz4Buffers() {
    }

    /** The decompressed size of the buffer at body[off, off + len). */
    static long size(String file, ByteBuffer body, long off, long len) throws TraceFormatException {
        if (len == 0) return 0;
        if (len < 8) throw corrupt(file, off, "a compressed buffer of " + len + " bytes has no length");
        long size = body.getLong((int) off);
        if (size == -1) return len - 8;
        if (!Lz4Frames.plausible(size, len - 8, MAX_SIZE)) {
            throw corrupt(file, off, "a compressed buffer of " + len + " bytes declares " + size);
        }
        return size;
    }

    /** Decompresses the buffer at body[off, off + len) into dst from index at; returns its size. */
    static int unpack(String file, ByteBuffer body, long off, long len, ByteBuffer dst, int at) throws TraceFormatException {
        int size = (int) size(file, body, off, len);
        if (size == 0) return 0;
        if (body.getLong((int) off) == -1) {
            dst.put(at, body, (int) off + 8, size);
            return size;
        }
        try {
            Lz4Frames.decode(body, (int) off + 8, (int) (off + len), dst.slice(at, size).order(ByteOrder.LITTLE_ENDIAN), size);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, off, e.getMessage());
        }
        return size;
    }

    /**
     * A dictionary batch's body with its buffers (offset and length pairs in bs, rewritten)
     * decompressed into a new body.
     */
    static ByteBuffer unpackAll(String file, ByteBuffer b, long[] bs) throws TraceFormatException {
        ByteBuffer src = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long total = 0;
        for (int i = 0; i < bs.length; i += 2) total += size(file, src, bs[i], bs[i + 1]) + 8;
        if (total > MAX_SIZE) throw corrupt(file, 0, "a dictionary of " + total + " bytes");
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        for (int i = 0; i < bs.length; i += 2) {
            int size = unpack(file, src, bs[i], bs[i + 1], out, at);
            bs[i] = at;
            bs[i + 1] = size;
            at += (size + 7) & ~7;
        }
        return out;
    }

    private static TraceFormatException corrupt(String file, long off, String what) {
        return new TraceFormatException(file + ": corrupt compressed Arrow buffer at body byte " + off + ": " + what);
    }
}
