package io.ccatrace.model.host;

/**
 * A 4 KiB little-endian structure the host fills before handing it to the RMM (reference
 * section 9: "all 4 KiB, little-endian; unlisted bytes are reserved, should be zero").
 */
public final class PageImage {
    private static final java.lang.invoke.VarHandle LE64 = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final byte[] bytes;

    public PageImage() {
        this(4096);
    }

    public PageImage(int size) {
        bytes = new byte[size];
    }

    public PageImage put(int off, long value, int width) {
        for (int i = 0; i < width; i++) {
            bytes[off + i] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    public PageImage put64(int off, long value) {
        return put(off, value, 8);
    }

    public PageImage putBytes(int off, byte[] src) {
        System.arraycopy(src, 0, bytes, off, src.length);
        return this;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Little-endian 64-bit value at off of b. */
    public static long get64(byte[] b, int off) {
        return (long) LE64.get(b, off);
    }
}
