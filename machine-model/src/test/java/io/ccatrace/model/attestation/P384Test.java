package io.ccatrace.model.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The written-out domain parameters are the JDK's secp384r1, and the comb path of k * G agrees
 * with plain double-and-add and with the group law.
 */
class P384Test {
    @Test
    void domainParametersAreTheJdksSecp384r1() throws Exception {
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec("secp384r1"));
        ECParameterSpec jdk = ap.getParameterSpec(ECParameterSpec.class);
        assertEquals(((ECFieldFp) jdk.getCurve().getField()).getP(), P384.P);
        assertEquals(jdk.getCurve().getA(), P384.A);
        assertEquals(jdk.getCurve().getB(), P384.B);
        assertEquals(jdk.getOrder(), P384.N);
        assertEquals(jdk.getGenerator(), P384.G);
        assertEquals(jdk.getCofactor(), P384.SPEC.getCofactor());
        assertEquals(jdk.getCurve(), P384.SPEC.getCurve());
    }

    @Test
    void generatorIsOnTheCurve() {
        BigInteger x = P384.G.getAffineX(), y = P384.G.getAffineY(), p = P384.P;
        assertEquals(y.multiply(y).mod(p), x.pow(3).add(P384.A.multiply(x)).add(P384.B).mod(p));
    }

    @Test
    void combMultiplicationMatchesDoubleAndAdd() {
        BigInteger[] ks = {
            BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15), BigInteger.valueOf(16),
            BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.valueOf(0x1234_5678_9ABCL), P384.N.subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(383).add(BigInteger.valueOf(0xF0F)),
            BigInteger.ONE.shiftLeft(384).subtract(BigInteger.ONE),
            new BigInteger("9a3c61f0e2d4b5c68790a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef01234", 16),
        };
        for (BigInteger k : ks) {
            assertEquals(P384.multiply(P384.G, k), P384.multiplyG(k), "k = " + k.toString(16));
        }
        Random rnd = new Random(6979);
        for (int i = 0; i < 16; i++) {
            BigInteger k = new BigInteger(384, rnd);
            assertEquals(P384.multiply(P384.G, k), P384.multiplyG(k), "k = " + k.toString(16));
        }
    }

    @Test
    void orderTimesGIsInfinityAndOrderMinusOneIsMinusG() {
        // (n - 1) * G = -G = (Gx, p - Gy): the group has order n (SEC 2, secp384r1).
        ECPoint p = P384.multiplyG(P384.N.subtract(BigInteger.ONE));
        assertEquals(P384.G.getAffineX(), p.getAffineX());
        assertEquals(P384.P.subtract(P384.G.getAffineY()), p.getAffineY());
        assertEquals(ECPoint.POINT_INFINITY, P384.multiplyG(P384.N));
    }
}
