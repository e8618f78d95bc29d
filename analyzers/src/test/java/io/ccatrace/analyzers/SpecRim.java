package io.ccatrace.analyzers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Test-side RIM arithmetic written straight from reference 9.6 and 10.2 (SHA-256 only), so
 * expected measurement rows in synthetic traces do not come from the code under test.
 */
final class SpecRim {
    private byte[] rim = new byte[32];

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ByteBuffer desc(int type, byte[] rim) {
        ByteBuffer d = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        d.put(0, (byte) type);
        d.putLong(8, 256);
        d.put(0x10, rim);
        return d;
    }

    /** 10.2 init: H(params image keeping flags, s2sz..pmu_num_ctrs as 32-bit, hash_algo). */
    byte[] init(byte[] params) {
        ByteBuffer in = ByteBuffer.wrap(params).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer img = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        img.putLong(0, in.getLong(0));
        for (int off : new int[] {8, 16, 24, 32, 40}) img.putInt(off, in.getInt(off));
        img.put(0x30, in.get(0x30));
        rim = sha256(img.array());
        return rim.clone();
    }

    byte[] data(long ipa, long flags, byte[] src) {
        ByteBuffer d = desc(0, rim);
        d.putLong(0x50, ipa);
        d.putLong(0x58, flags);
        if (flags == 1) d.put(0x60, sha256(src));
        rim = sha256(d.array());
        return rim.clone();
    }

    byte[] rec(byte[] params) {
        byte[] img = new byte[4096];
        System.arraycopy(params, 0, img, 0, 8);
        System.arraycopy(params, 0x200, img, 0x200, 8);
        System.arraycopy(params, 0x300, img, 0x300, 64);
        ByteBuffer d = desc(1, rim);
        d.put(0x50, sha256(img));
        rim = sha256(d.array());
        return rim.clone();
    }

    byte[] ripas(long base, long top) {
        ByteBuffer d = desc(2, rim);
        d.putLong(0x50, base);
        d.putLong(0x58, top);
        rim = sha256(d.array());
        return rim.clone();
    }

    byte[] current() {
        return Arrays.copyOf(rim, 32);
    }
}
