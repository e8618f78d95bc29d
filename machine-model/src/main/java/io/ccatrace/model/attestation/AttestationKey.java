package io.ccatrace.model.attestation;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECPoint;

/**
 * The Realm Attestation Key (RAK) of a simulated machine: a P-384 key whose private scalar is
 * derived from the machine seed with SHA-256, so every machine with the same seed signs with
 * the same key. The real RAK comes from EL3 (SMC_RMM_GET_REALM_ATTEST_KEY, reference 14).
 */
public final class AttestationKey {
    /** COSE algorithm id ES384 and the COSE_Key labels used for the public key. */
    public static final int COSE_ALG_ES384 = -35;
    static final int KTY = 1, KTY_EC2 = 2, CRV = -1, CRV_P384 = 2, X = -2, Y = -3;

    /**
     * The key derived last: the key is a pure function of the seed, and a run (or a JVM
     * recording several runs with one seed) asks for the same one on every realm boot.
     */
    private static volatile AttestationKey lastDerived;

    private final long seed;
    private final BigInteger d;
    private final ECPoint q;

    private AttestationKey(long seed, BigInteger d) {
        this.seed = seed;
        this.d = d;
        this.q = P384.multiplyG(d);
    }

    /** d = (SHA-256("ccatrace RAK" || seed, little-endian) mod (n - 1)) + 1. */
    public static AttestationKey forSeed(long seed) {
        AttestationKey k = lastDerived;
        if (k == null || k.seed != seed) {
            k = derive(seed);
            lastDerived = k;
        }
        return k;
    }

    private static AttestationKey derive(long seed) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("ccatrace RAK".getBytes(StandardCharsets.US_ASCII));
            md.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(seed).array());
            BigInteger h = new BigInteger(1, md.digest());
            return new AttestationKey(seed, h.mod(P384.N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ECPoint publicPoint() {
        return q;
    }

    public byte[] sign(byte[] message) {
        return DeterministicEcdsa.sign(d, message);
    }

    /** The public key as a COSE_Key map: {1: 2 (EC2), -1: 2 (P-384), -2: x, -3: y}. */
    public byte[] coseKey() {
        return new Cbor().map(4)
                .integer(KTY).integer(KTY_EC2)
                .integer(CRV).integer(CRV_P384)
                .integer(X).bytes(P384.toBytes(q.getAffineX()))
                .integer(Y).bytes(P384.toBytes(q.getAffineY()))
                .toBytes();
    }
}
