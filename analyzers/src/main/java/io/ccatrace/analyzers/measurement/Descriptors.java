package io.ccatrace.analyzers.measurement;

/**
 * The byte images the RMM hashes into the RIM (reference 9.6 and 10.2): the initial
 * RealmParams image, the DATA, REC and RIPAS descriptors (0x100 bytes each) and the REC
 * params image. Written here from the reference, independently of the machine model.
 */
public final class Descriptors {
    private Descriptors() {
    }

    static void putLong(byte[] b, int off, long v, int width) {
        for (int i = 0; i < width; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    static long getLong(byte[] b, int off, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    /**
     * RealmParams image for the initial RIM: zero except flags (8 bytes), s2sz, sve_vl,
     * num_bps, num_wps, pmu_num_ctrs (each copied as 32-bit, reference 10.2 note) and
     * hash_algo (1 byte).
     */
    public static byte[] realmParamsImage(byte[] params) {
        byte[] img = new byte[4096];
        putLong(img, 0x00, getLong(params, 0x00, 8), 8);
        for (int off = 0x08; off <= 0x28; off += 8) putLong(img, off, getLong(params, off, 4), 4);
        img[0x30] = params[0x30];
        return img;
    }

    /** RecParams image measured for a RUNNABLE REC: flags, pc and gprs[0..7] only. */
    public static byte[] recParamsImage(byte[] params) {
        byte[] img = new byte[4096];
        System.arraycopy(params, 0x000, img, 0x000, 8);
        System.arraycopy(params, 0x200, img, 0x200, 8);
        System.arraycopy(params, 0x300, img, 0x300, 64);
        return img;
    }

    private static byte[] header(int type, byte[] rim) {
        byte[] d = new byte[0x100];
        d[0] = (byte) type;
        putLong(d, 0x08, 0x100, 8);
        System.arraycopy(rim, 0, d, 0x10, 64);
        return d;
    }

    public static byte[] data(byte[] rim, long ipa, long flags, byte[] content) {
        byte[] d = header(0, rim);
        putLong(d, 0x50, ipa, 8);
        putLong(d, 0x58, flags, 8);
        if (content != null) System.arraycopy(content, 0, d, 0x60, 64);
        return d;
    }

    public static byte[] rec(byte[] rim, byte[] content) {
        byte[] d = header(1, rim);
        System.arraycopy(content, 0, d, 0x50, 64);
        return d;
    }

    public static byte[] ripas(byte[] rim, long base, long top) {
        byte[] d = header(2, rim);
        putLong(d, 0x50, base, 8);
        putLong(d, 0x58, top, 8);
        return d;
    }
}
