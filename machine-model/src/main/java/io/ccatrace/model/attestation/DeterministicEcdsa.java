package io.ccatrace.model.attestation;

import java.math.BigInteger;
import java.util.Arrays;

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
        HmacSha384 mac = new HmacSha384();
        byte[] x = P384.toBytes(d);
        byte[] h = P384.toBytes(new BigInteger(1, h1).mod(P384.N));
        byte[] v = new byte[P384.LEN];
        Arrays.fill(v, (byte) 1);
        byte[] k = new byte[P384.LEN];
        k = mac.init(k).update(v).update(new byte[] {0}).update(x).update(h).doFinal();
        v = mac.init(k).update(v).doFinal();
        k = mac.init(k).update(v).update(new byte[] {1}).update(x).update(h).doFinal();
        v = mac.init(k).update(v).doFinal();
        while (true) {
            v = mac.init(k).update(v).doFinal();
            BigInteger cand = new BigInteger(1, v);
            if (cand.signum() > 0 && cand.compareTo(P384.N) < 0) return cand;
            k = mac.init(k).update(v).update(new byte[] {0}).doFinal();
            v = mac.init(k).update(v).doFinal();
        }
    }

    static byte[] sha384(byte[] m) {
        return HmacSha384.sha384().digest(m);
    }
}
