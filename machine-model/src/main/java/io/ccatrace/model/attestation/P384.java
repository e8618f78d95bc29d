package io.ccatrace.model.attestation;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * Arithmetic on the NIST P-384 curve (parameters from the JDK's secp384r1): enough to derive
 * a public key and to sign with a chosen nonce.
 */
public final class P384 {
    public static final ECParameterSpec SPEC = spec();
    public static final BigInteger P = ((ECFieldFp) SPEC.getCurve().getField()).getP();
    public static final BigInteger A = SPEC.getCurve().getA();

    static {
        if (!A.equals(P.subtract(BigInteger.valueOf(3)))) {
            throw new IllegalStateException("P-384 is expected to have a = -3");
        }
    }
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

    /**
     * k * G with a table of every nibble multiple of G at every 4-bit position (built once):
     * one point addition per nibble of k and no doubling.
     */
    public static ECPoint multiplyG(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > 4 * GeneratorTable.NIBBLES) return multiply(G, k);
        Jac[][] t = GeneratorTable.TABLE;
        Jac r = Jac.INFINITY;
        for (int i = 0; i < GeneratorTable.NIBBLES; i++) {
            int nibble = nibble(k, i);
            if (nibble != 0) r = r.plus(t[i][nibble]);
        }
        return r.affine();
    }

    private static int nibble(BigInteger k, int i) {
        int n = 0;
        for (int b = 3; b >= 0; b--) n = (n << 1) | (k.testBit(4 * i + b) ? 1 : 0);
        return n;
    }

    /** TABLE[i][j] = j * 16^i * G for j in 1..15, covering scalars below 2^384. */
    private static final class GeneratorTable {
        static final int NIBBLES = 96;
        static final Jac[][] TABLE = build();

        private static Jac[][] build() {
            Jac[][] t = new Jac[NIBBLES][16];
            Jac base = new Jac(G.getAffineX(), G.getAffineY(), BigInteger.ONE);
            for (int i = 0; i < NIBBLES; i++) {
                t[i][1] = base;
                for (int j = 2; j < 16; j++) t[i][j] = t[i][j - 1].plus(base);
                base = t[i][15].plus(base);
            }
            return t;
        }
    }

    /** k * q by double-and-add in Jacobian coordinates (one inversion at the end). */
    public static ECPoint multiply(ECPoint q, BigInteger k) {
        Jac base = new Jac(q.getAffineX(), q.getAffineY(), BigInteger.ONE);
        Jac r = Jac.INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = r.twice();
            if (k.testBit(i)) r = r.plus(base);
        }
        return r.affine();
    }

    /** A point (X/Z^2, Y/Z^3); Z = 0 is the point at infinity. Curve has a = -3. */
    private record Jac(BigInteger x, BigInteger y, BigInteger z) {
        static final Jac INFINITY = new Jac(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);
        static final BigInteger THREE = BigInteger.valueOf(3), EIGHT = BigInteger.valueOf(8);

        boolean infinite() {
            return z.signum() == 0;
        }

        Jac twice() {
            if (infinite() || y.signum() == 0) return INFINITY;
            BigInteger delta = z.multiply(z).mod(P);
            BigInteger gamma = y.multiply(y).mod(P);
            BigInteger beta = x.multiply(gamma).mod(P);
            BigInteger alpha = THREE.multiply(x.subtract(delta)).multiply(x.add(delta)).mod(P);
            BigInteger x3 = alpha.multiply(alpha).subtract(beta.shiftLeft(3)).mod(P);
            BigInteger z3 = y.add(z).pow(2).subtract(gamma).subtract(delta).mod(P);
            BigInteger y3 = alpha.multiply(beta.shiftLeft(2).subtract(x3))
                    .subtract(EIGHT.multiply(gamma).multiply(gamma)).mod(P);
            return new Jac(x3, y3, z3);
        }

        Jac plus(Jac o) {
            if (infinite()) return o;
            if (o.infinite()) return this;
            BigInteger z1z1 = z.multiply(z).mod(P), z2z2 = o.z.multiply(o.z).mod(P);
            BigInteger u1 = x.multiply(z2z2).mod(P), u2 = o.x.multiply(z1z1).mod(P);
            BigInteger s1 = y.multiply(o.z).multiply(z2z2).mod(P);
            BigInteger s2 = o.y.multiply(z).multiply(z1z1).mod(P);
            BigInteger h = u2.subtract(u1).mod(P), r = s2.subtract(s1).mod(P);
            if (h.signum() == 0) return r.signum() == 0 ? twice() : INFINITY;
            BigInteger hh = h.multiply(h).mod(P), hhh = h.multiply(hh).mod(P);
            BigInteger v = u1.multiply(hh).mod(P);
            BigInteger x3 = r.multiply(r).subtract(hhh).subtract(v.shiftLeft(1)).mod(P);
            BigInteger y3 = r.multiply(v.subtract(x3)).subtract(s1.multiply(hhh)).mod(P);
            BigInteger z3 = z.multiply(o.z).multiply(h).mod(P);
            return new Jac(x3, y3, z3);
        }

        ECPoint affine() {
            if (infinite()) return ECPoint.POINT_INFINITY;
            BigInteger zi = z.modInverse(P);
            BigInteger zi2 = zi.multiply(zi).mod(P);
            return new ECPoint(x.multiply(zi2).mod(P), y.multiply(zi2).multiply(zi).mod(P));
        }
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
