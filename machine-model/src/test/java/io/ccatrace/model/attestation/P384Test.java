package io.ccatrace.model.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.spec.ECPoint;
import org.junit.jupiter.api.Test;

/** The generator-table path of k * G agrees with plain double-and-add and with the group law. */
class P384Test {
    @Test
    void tableMultiplicationMatchesDoubleAndAdd() {
        BigInteger[] ks = {
            BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15), BigInteger.valueOf(16),
            BigInteger.valueOf(0x1234_5678_9ABCL), P384.N.subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(383).add(BigInteger.valueOf(0xF0F)),
            new BigInteger("9a3c61f0e2d4b5c68790a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef01234", 16),
        };
        for (BigInteger k : ks) {
            assertEquals(P384.multiply(P384.G, k), P384.multiplyG(k), "k = " + k.toString(16));
        }
    }

    @Test
    void orderMinusOneTimesGIsMinusG() {
        // (n - 1) * G = -G = (Gx, p - Gy): the group has order n (SEC 2, secp384r1).
        ECPoint p = P384.multiplyG(P384.N.subtract(BigInteger.ONE));
        assertEquals(P384.G.getAffineX(), p.getAffineX());
        assertEquals(P384.P.subtract(P384.G.getAffineY()), p.getAffineY());
    }
}
