package io.ccatrace.model.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rmi.Guest;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attestation token as a realm obtains it through RSI_ATTESTATION_TOKEN_INIT/CONTINUE
 * (reference 6.2, 10.4): parsed back with an independent CBOR decoder, claims checked
 * against the realm's measurements read with RSI_MEASUREMENT_READ, the COSE_Sign1 signature
 * verified with the JDK's ECDSA, and the bytes deterministic per seed.
 */
class RealmTokenTest {
    static final long BUF = 0x30000;
    static final long RSI_SUCCESS = 0, RSI_ERROR_INPUT = 1, RSI_ERROR_STATE = 2, RSI_INCOMPLETE = 3;

    static Guest guest(long seed, byte rpvByte) {
        Guest g = new Guest(MachineConfig.defaults().withSeed(seed), p -> Arrays.fill(p.rpv, rpvByte));
        g.ram(BUF);
        g.activate();
        return g;
    }

    static long[] challenge() {
        long[] c = new long[8];
        for (int i = 0; i < 8; i++) c[i] = 0x0101010101010101L * (i + 1);
        return c;
    }

    static byte[] challengeBytes() {
        byte[] b = new byte[64];
        for (int i = 0; i < 64; i++) b[i] = (byte) (i / 8 + 1);
        return b;
    }

    /** INIT then CONTINUE in 1000-byte chunks into the buffer page; returns the token. */
    static byte[] fetch(Guest g) {
        g.call("RSI_ATTESTATION_TOKEN_INIT", challenge());
        g.run();
        ModelEvent.RsiCall init = g.last(ModelEvent.RsiCall.class);
        assertEquals(RSI_SUCCESS, init.ret());
        assertEquals(4096, init.out()[0], "upper bound of the token size");
        ByteArrayOutputStream token = new ByteArrayOutputStream();
        for (int i = 0; i < 10; i++) {
            g.call("RSI_ATTESTATION_TOKEN_CONTINUE", BUF, 0, 1000);
            assertEquals(ExitReason.IRQ, g.run().reason());
            ModelEvent.RsiCall c = g.last(ModelEvent.RsiCall.class);
            int n = (int) c.out()[0];
            long pa = dataPa(g);
            token.writeBytes(g.f.machine.memory().read(pa, n));
            if (c.ret() == RSI_SUCCESS) return token.toByteArray();
            assertEquals(RSI_INCOMPLETE, c.ret());
            assertEquals(1000, n);
        }
        throw new AssertionError("token never completed");
    }

    static long dataPa(Guest g) {
        return g.s2.read(BUF, 3)[2];          // RTT_READ_ENTRY desc of the ASSIGNED page = its PA
    }

    static byte[] measurement(Guest g, int index) {
        g.call("RSI_MEASUREMENT_READ", index);
        g.run();
        long[] regs = g.last(ModelEvent.RsiCall.class).out();
        byte[] b = new byte[64];
        for (int i = 0; i < 64; i++) b[i] = (byte) (regs[i / 8] >>> (8 * (i % 8)));
        return b;
    }

    @Test
    void tokenIsASignedCoseSign1WithTheRealmClaims() throws Exception {
        Guest g = guest(42, (byte) 0x5A);
        g.call("RSI_MEASUREMENT_EXTEND", 2, 3, 0x030201);
        g.run();
        byte[] token = fetch(g);
        Object top = CborReader.decode(token);
        CborReader.Tagged tagged = (CborReader.Tagged) top;
        assertEquals(18, tagged.tag(), "COSE_Sign1 tag (RFC 9052)");
        List<?> sign1 = (List<?>) tagged.value();
        assertEquals(4, sign1.size());
        byte[] protectedHeader = (byte[]) sign1.get(0);
        assertEquals(Map.of(1L, -35L), CborReader.decode(protectedHeader), "alg ES384");
        assertEquals(Map.of(), sign1.get(1));
        byte[] payload = (byte[]) sign1.get(2);
        byte[] sig = (byte[]) sign1.get(3);
        assertEquals(96, sig.length);

        Map<?, ?> claims = (Map<?, ?>) CborReader.decode(payload);
        assertArrayEquals(challengeBytes(), (byte[]) claims.get(10L), "challenge");
        byte[] rpv = new byte[64];
        Arrays.fill(rpv, (byte) 0x5A);
        assertArrayEquals(rpv, (byte[]) claims.get(44235L), "RPV");
        assertEquals("sha-256", claims.get(44236L));
        assertArrayEquals(Arrays.copyOf(measurement(g, 0), 32), (byte[]) claims.get(44238L), "RIM");
        List<?> rems = (List<?>) claims.get(44239L);
        assertEquals(4, rems.size());
        for (int i = 1; i <= 4; i++) {
            assertArrayEquals(Arrays.copyOf(measurement(g, i), 32), (byte[]) rems.get(i - 1), "REM " + i);
        }
        byte[] rem2 = MessageDigest.getInstance("SHA-256").digest(new byte[] {0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        assertArrayEquals(rem2, (byte[]) rems.get(1), "REM[2] = H(zero REM || value) (10.3)");
        assertEquals("tag:arm.com,2023:realm#1.0.0", claims.get(265L));
        assertEquals("sha-256", claims.get(44240L));
        assertEquals(List.of(10L, 265L, 44235L, 44236L, 44237L, 44238L, 44239L, 44240L),
                List.copyOf(claims.keySet()), "keys in canonical order");

        Map<?, ?> coseKey = (Map<?, ?>) CborReader.decode((byte[]) claims.get(44237L));
        assertEquals(2L, coseKey.get(1L), "kty EC2");
        assertEquals(2L, coseKey.get(-1L), "crv P-384");
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, (byte[]) coseKey.get(-2L)), new BigInteger(1, (byte[]) coseKey.get(-3L))),
                P384.SPEC));
        byte[] toBeSigned = new Cbor().array(4).text("Signature1").bytes(protectedHeader)
                .bytes(new byte[0]).bytes(payload).toBytes();
        Signature v = Signature.getInstance("SHA384withECDSAinP1363Format");
        v.initVerify(pub);
        v.update(toBeSigned);
        assertTrue(v.verify(sig), "ES384 signature by the RAK verifies");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherKey() {
        byte[] a = fetch(guest(7, (byte) 1));
        byte[] b = fetch(guest(7, (byte) 1));
        byte[] c = fetch(guest(8, (byte) 1));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        Map<?, ?> ca = claims(a), cc = claims(c);
        assertFalse(Arrays.equals((byte[]) ca.get(44237L), (byte[]) cc.get(44237L)), "RAK differs per seed");
    }

    static Map<?, ?> claims(byte[] token) {
        List<?> sign1 = (List<?>) ((CborReader.Tagged) CborReader.decode(token)).value();
        return (Map<?, ?>) CborReader.decode((byte[]) sign1.get(2));
    }

    @Test
    void sha512RealmReportsSha512Measurements() {
        Guest g = new Guest(MachineConfig.defaults(), p -> p.hashAlgo = 1);
        g.ram(BUF);
        g.activate();
        Map<?, ?> claims = claims(fetch(g));
        assertEquals("sha-512", claims.get(44236L));
        assertEquals(64, ((byte[]) claims.get(44238L)).length);
    }

    static long continueStatus(Guest g, long ipa, long offset, long size) {
        g.call("RSI_ATTESTATION_TOKEN_CONTINUE", ipa, offset, size);
        assertEquals(ExitReason.IRQ, g.run().reason());
        return g.last(ModelEvent.RsiCall.class).ret();
    }

    @Test
    void continueFailureConditions() {
        Guest g = guest(1, (byte) 0);
        g.call("RSI_ATTESTATION_TOKEN_INIT", challenge());
        g.run();
        assertEquals(RSI_ERROR_INPUT, continueStatus(g, BUF + 8, 0, 16), "addr_align");
        assertEquals(RSI_ERROR_INPUT, continueStatus(g, BUF, 4096, 0), "offset_bound");
        assertEquals(RSI_ERROR_INPUT, continueStatus(g, BUF, 8, -4L), "size_overflow");
        assertEquals(RSI_ERROR_INPUT, continueStatus(g, BUF, 4000, 97), "size_bound");
        assertEquals(RSI_ERROR_INPUT, continueStatus(g, g.protectedTop() + BUF, 0, 16), "addr_bound");
        assertEquals(RSI_INCOMPLETE, continueStatus(g, BUF, 0, 0), "size 0");
        assertEquals(0, g.last(ModelEvent.RsiCall.class).out()[0]);
    }

    @Test
    void continueWithoutInitIsAStateError() {
        Guest g = guest(1, (byte) 0);
        assertEquals(RSI_ERROR_STATE, continueStatus(g, BUF, 0, 16));
    }

    @Test
    void continueAfterTheLastChunkIsAStateError() {
        Guest g = guest(1, (byte) 0);
        fetch(g);
        assertEquals(RSI_ERROR_STATE, continueStatus(g, BUF, 0, 16));
    }

    @Test
    void continueIntoAnEmptyBufferIsAnInputError() {
        Guest g = new Guest();
        g.assignedEmpty(BUF);
        g.activate();
        g.call("RSI_ATTESTATION_TOKEN_INIT", challenge());
        g.run();
        assertEquals(RSI_ERROR_INPUT, continueStatus(g, BUF, 0, 16));
    }

    @Test
    void continueIntoAnUnmappedBufferExitsAndIsReissued() {
        Guest g = new Guest();
        g.unassignedRam(BUF);
        g.activate();
        g.call("RSI_ATTESTATION_TOKEN_INIT", challenge());
        g.run();
        g.call("RSI_ATTESTATION_TOKEN_CONTINUE", BUF, 0, 64);
        io.ccatrace.model.rec.RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(0x90000007L, x.esr(), "synthetic data abort at the buffer (8.3)");
        assertEquals(BUF >> 8, x.hpfar());
        assertEquals(1, g.events(ModelEvent.RsiCall.class).size(), "only INIT has completed");
        g.s2.data(BUF);
        assertEquals(ExitReason.IRQ, g.run().reason());
        ModelEvent.RsiCall c = g.last(ModelEvent.RsiCall.class);
        assertEquals("RSI_ATTESTATION_TOKEN_CONTINUE", c.cmd());
        assertEquals(RSI_INCOMPLETE, c.ret());
        assertEquals(64, c.out()[0]);
    }
}
