package io.ccatrace.analyzers.measurement;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The realm hash algorithms (RmiHashAlgorithm, reference 2.1): 0 SHA-256, 1 SHA-512. */
public final class Hash {
    private final MessageDigest digest;
    private final int length;

    public Hash(int algo) {
        try {
            digest = MessageDigest.getInstance(algo == 1 ? "SHA-512" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-2", e);
        }
        length = algo == 1 ? 64 : 32;
    }

    /** Hash length in bytes. */
    public int length() {
        return length;
    }

    /** H(parts...) as a 64-byte measurement slot (hash bytes then zeros). */
    public byte[] slot(byte[]... parts) {
        for (byte[] p : parts) digest.update(p);
        byte[] h = digest.digest();
        byte[] out = new byte[64];
        System.arraycopy(h, 0, out, 0, h.length);
        return out;
    }

    /** H(part[0..len)) as a 64-byte slot. */
    public byte[] slot(byte[] part, int len) {
        digest.update(part, 0, len);
        byte[] h = digest.digest();
        byte[] out = new byte[64];
        System.arraycopy(h, 0, out, 0, h.length);
        return out;
    }
}
