package io.ccatrace.trace.parquet;

import java.util.Arrays;

/** A growable little-endian byte buffer for building one page. */
final class PageBytes {
    private byte[] buf = new byte[1 << 16];
    private int size;

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    void clear() {
        size = 0;
    }

    /** Makes room for n more bytes: {@link #array()} may change, its bytes from {@link #size()} on may be set directly. */
    void room(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(size + n, 2 * buf.length));
    }

    /** Counts n bytes set directly in {@link #array()} after {@link #room}. */
    void advance(int n) {
        size += n;
    }

    void u8(int b) {
        room(1);
        buf[size++] = (byte) b;
    }

    void int32(int v) {
        room(4);
        buf[size] = (byte) v;
        buf[size + 1] = (byte) (v >>> 8);
        buf[size + 2] = (byte) (v >>> 16);
        buf[size + 3] = (byte) (v >>> 24);
        size += 4;
    }

    void int64(long v) {
        room(8);
        for (int i = 0; i < 8; i++) buf[size + i] = (byte) (v >>> (8 * i));
        size += 8;
    }

    /** The low n bytes of v, little-endian. */
    void intBytes(int v, int n) {
        room(n);
        for (int i = 0; i < n; i++) buf[size + i] = (byte) (v >>> (8 * i));
        size += n;
    }

    /** The low n bytes of v, little-endian. */
    void longBytes(long v, int n) {
        room(n);
        for (int i = 0; i < n; i++) buf[size + i] = (byte) (v >>> (8 * i));
        size += n;
    }

    void varint(long v) {
        room(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    void bytes(byte[] b, int off, int len) {
        room(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** One PLAIN BYTE_ARRAY value: its length as a little-endian int32, then the bytes. */
    void binary(byte[] b) {
        int32(b.length);
        bytes(b, 0, b.length);
    }

    /** Writes a placeholder int32 and returns its position (for a length patched later). */
    int mark() {
        int at = size;
        int32(0);
        return at;
    }

    /** Sets the int32 at a mark to the number of bytes written since it. */
    void patchLength(int mark) {
        int v = size - mark - 4;
        buf[mark] = (byte) v;
        buf[mark + 1] = (byte) (v >>> 8);
        buf[mark + 2] = (byte) (v >>> 16);
        buf[mark + 3] = (byte) (v >>> 24);
    }
}
