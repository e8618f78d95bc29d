package io.ccatrace.model.attestation;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * Arithmetic on the NIST P-384 curve (parameters from the JDK's secp384r1), in affine
 * coordinates: enough to derive a public key and to sign with a chosen nonce.
 */
public final class P384 {
    public static final ECParameterSpec SPEC = spec();
    public static final BigInteger P = ((ECFieldFp) SPEC.getCurve().getField()).getP();
    public static final BigInteger A = SPEC.getCurve().getA();
    public static final BigInteger N = SPEC.getOrder();
    public static final ECPoint G = SPEC.getGenerator();
    /** Bytes of a field element or scalar. */
    public static final int LEN = 48;

    private P384() {
    }

    private static ECParameterSpec spec() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp384r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secp384r1 unavailable", e);
        }
    }

    /** k * G. */
    public static ECPoint multiplyG(BigInteger k) {
        return multiply(G, k);
    }

    public static ECPoint multiply(ECPoint q, BigInteger k) {
        ECPoint r = ECPoint.POINT_INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = add(r, r);
            if (k.testBit(i)) r = add(r, q);
        }
        return r;
    }

    static ECPoint add(ECPoint s, ECPoint t) {
        if (s.equals(ECPoint.POINT_INFINITY)) return t;
        if (t.equals(ECPoint.POINT_INFINITY)) return s;
        BigInteger x1 = s.getAffineX(), y1 = s.getAffineY();
        BigInteger x2 = t.getAffineX(), y2 = t.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) return ECPoint.POINT_INFINITY;
            BigInteger num = x1.multiply(x1).multiply(BigInteger.valueOf(3)).add(A);
            lambda = num.multiply(y1.shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(P)).mod(P);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(x1).subtract(x2).mod(P);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(P);
        return new ECPoint(x3, y3);
    }

    /** Fixed-length big-endian encoding of a field element or scalar. */
    public static byte[] toBytes(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[LEN];
        int n = Math.min(raw.length, LEN);
        System.arraycopy(raw, raw.length - n, out, LEN - n, n);
        return out;
    }
}
