package io.ccatrace.model.rmi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Independent SHA-256 RIM chain for tests, built from the reference's descriptor layouts
 * (9.6) and chain rule (10.2), not from the model's Measurements class.
 */
public final class Rim {
    private Rim() {
    }

    public static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static ByteBuffer descriptor(int type, byte[] rim) {
        ByteBuffer d = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        d.put(0x00, (byte) type);
        d.putLong(0x08, 0x100);
        for (int i = 0; i < 32; i++) d.put(0x10 + i, rim[i]);
        return d;
    }

    /** RIM after DATA_CREATE (desc_type 0): ipa at 0x50, flags at 0x58, H(page) at 0x60 if flags = 1. */
    public static byte[] data(byte[] rim, long ipa, long flags, byte[] page) {
        ByteBuffer d = descriptor(0, rim);
        d.putLong(0x50, ipa);
        d.putLong(0x58, flags);
        if (flags == 1) {
            byte[] h = sha256(page);
            for (int i = 0; i < h.length; i++) d.put(0x60 + i, h[i]);
        }
        return sha256(d.array());
    }

    /** RIM after one RTT_INIT_RIPAS entry (desc_type 2): base at 0x50, top at 0x58. */
    public static byte[] ripas(byte[] rim, long base, long top) {
        ByteBuffer d = descriptor(2, rim);
        d.putLong(0x50, base);
        d.putLong(0x58, top);
        return sha256(d.array());
    }
}
