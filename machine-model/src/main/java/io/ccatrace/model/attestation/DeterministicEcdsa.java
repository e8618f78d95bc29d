package io.ccatrace.model.attestation;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ECDSA over P-384 with SHA-384 and the deterministic nonce of RFC 6979 (section 3.2), so a
 * token signed twice with the same key and content is byte-identical. The signature is
 * r || s, 48 bytes each (the COSE form).
 */
public final class DeterministicEcdsa {
    private DeterministicEcdsa() {
    }

    public static byte[] sign(BigInteger d, byte[] message) {
        byte[] h1 = sha384(message);
        BigInteger e = new BigInteger(1, h1);
        BigInteger k = nonce(d, h1);
        BigInteger r = P384.multiplyG(k).getAffineX().mod(P384.N);
        BigInteger s = k.modInverse(P384.N).multiply(e.add(r.multiply(d))).mod(P384.N);
        if (r.signum() == 0 || s.signum() == 0) {
            throw new IllegalStateException("degenerate ECDSA signature");
        }
        byte[] sig = new byte[2 * P384.LEN];
        System.arraycopy(P384.toBytes(r), 0, sig, 0, P384.LEN);
        System.arraycopy(P384.toBytes(s), 0, sig, P384.LEN, P384.LEN);
        return sig;
    }

    /** RFC 6979 3.2 with HMAC-SHA-384 (qlen = hlen = 384, so bits2int needs no shift). */
    static BigInteger nonce(BigInteger d, byte[] h1) {
        Mac mac = hmacSha384();
        byte[] x = P384.toBytes(d);
        byte[] h = P384.toBytes(new BigInteger(1, h1).mod(P384.N));
        byte[] v = new byte[P384.LEN];
        Arrays.fill(v, (byte) 1);
        byte[] k = new byte[P384.LEN];
        k = hmac(mac, k, v, new byte[] {0}, x, h);
        v = hmac(mac, k, v);
        k = hmac(mac, k, v, new byte[] {1}, x, h);
        v = hmac(mac, k, v);
        while (true) {
            v = hmac(mac, k, v);
            BigInteger cand = new BigInteger(1, v);
            if (cand.signum() > 0 && cand.compareTo(P384.N) < 0) return cand;
            k = hmac(mac, k, v, new byte[] {0});
            v = hmac(mac, k, v);
        }
    }

    /** One instance per nonce: the provider lookup costs more than an HMAC of 100 bytes. */
    private static Mac hmacSha384() {
        try {
            return Mac.getInstance("HmacSHA384");
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] hmac(Mac mac, byte[] key, byte[]... parts) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA384"));
            for (byte[] p : parts) mac.update(p);
            return mac.doFinal();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static byte[] sha384(byte[] m) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(m);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
