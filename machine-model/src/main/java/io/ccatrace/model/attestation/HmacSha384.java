package io.ccatrace.model.attestation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA-384 (RFC 2104, FIPS 198-1) on {@code MessageDigest}: what RFC 6979 needs, without
 * {@code javax.crypto.Mac}, whose provider loading costs a fresh JVM ~25 ms of CPU before
 * the first nonce (more than the HMACs of all the signatures of a run).
 */
final class HmacSha384 {
    private static final int BLOCK = 128;

    private final MessageDigest sha = sha384();
    private final byte[] inner = new byte[BLOCK], outer = new byte[BLOCK];

    /** Starts a MAC with key (keys longer than a block are hashed first). */
    HmacSha384 init(byte[] key) {
        byte[] k = key.length > BLOCK ? sha.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        sha.reset();
        sha.update(inner);
        return this;
    }

    HmacSha384 update(byte[] part) {
        sha.update(part);
        return this;
    }

    /** The MAC of everything since {@link #init}. */
    byte[] doFinal() {
        byte[] h = sha.digest();
        sha.update(outer);
        return sha.digest(h);
    }

    static MessageDigest sha384() {
        try {
            return MessageDigest.getInstance("SHA-384");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
