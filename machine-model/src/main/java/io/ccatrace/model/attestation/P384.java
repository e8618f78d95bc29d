package io.ccatrace.model.attestation;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * Arithmetic on the NIST P-384 curve (secp384r1; FIPS 186-4 D.1.2.4, SEC 2 2.5.1): enough to
 * derive a public key and to sign with a chosen nonce. The domain parameters are written out
 * here rather than asked of the JDK's EC provider, whose loading costs a fresh JVM more CPU
 * (about 20 ms) than the few signatures of a run; a test checks them against the JDK's.
 */
public final class P384 {
    public static final BigInteger P = hex(
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff");
    public static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    static final BigInteger B = hex(
            "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef");
    public static final BigInteger N = hex(
            "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973");
    public static final ECPoint G = new ECPoint(
            hex("aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7"),
            hex("3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f"));
    public static final ECParameterSpec SPEC =
            new ECParameterSpec(new EllipticCurve(new ECFieldFp(P), A, B), G, N, 1);
    /** Bytes of a field element or scalar. */
    public static final int LEN = 48;

    private P384() {
    }

    private static BigInteger hex(String digits) {
        return new BigInteger(digits, 16);
    }

    /**
     * k * G by a fixed-base comb: with k's nibbles n_i (k = sum n_i 16^i) and i = 4j + b,
     * k * G = sum over b of 16^b * (sum over j of n_(4j+b) * 16^(4j) * G), evaluated from
     * b = 3 down to 0 with a table of every nibble multiple of 16^(4j) * G: 96 point additions
     * and 12 doublings per scalar, and a table of 24 x 15 points, built once (about a fifth of
     * the work of one row per nibble position, which is what a run that signs a few tokens
     * pays for most).
     */
    public static ECPoint multiplyG(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > 4 * GeneratorTable.NIBBLES) return multiply(G, k);
        Jac[][] t = GeneratorTable.TABLE;
        Jac r = Jac.INFINITY;
        for (int b = GeneratorTable.TEETH - 1; b >= 0; b--) {
            for (int d = 0; d < 4; d++) r = r.twice();
            for (int j = 0; j < GeneratorTable.ROWS; j++) {
                int nibble = nibble(k, GeneratorTable.TEETH * j + b);
                if (nibble != 0) r = r.plus(t[j][nibble]);
            }
        }
        return r.affine();
    }

    private static int nibble(BigInteger k, int i) {
        int n = 0;
        for (int b = 3; b >= 0; b--) n = (n << 1) | (k.testBit(4 * i + b) ? 1 : 0);
        return n;
    }

    /** TABLE[j][v] = v * 16^(4j) * G for v in 1..15, covering scalars below 2^384. */
    private static final class GeneratorTable {
        static final int NIBBLES = 96, TEETH = 4, ROWS = NIBBLES / TEETH;
        static final Jac[][] TABLE = build();

        private static Jac[][] build() {
            Jac[][] t = new Jac[ROWS][16];
            Jac base = new Jac(G.getAffineX(), G.getAffineY(), BigInteger.ONE);
            for (int j = 0; j < ROWS; j++) {
                t[j][1] = base;
                for (int v = 2; v < 16; v++) t[j][v] = t[j][v - 1].plus(base);
                if (j + 1 < ROWS) {
                    for (int d = 0; d < 4 * TEETH; d++) base = base.twice();
                }
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
