package io.ccatrace.model.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** HMAC-SHA-384 against RFC 4231's test case 2 and against the JDK's HmacSHA384. */
class HmacSha384Test {
    @Test
    void rfc4231TestCase2() {
        byte[] mac = new HmacSha384().init("Jefe".getBytes(StandardCharsets.US_ASCII))
                .update("what do ya want ".getBytes(StandardCharsets.US_ASCII))
                .update("for nothing?".getBytes(StandardCharsets.US_ASCII)).doFinal();
        assertArrayEquals(HexFormat.of().parseHex("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47"
                + "e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"), mac);
    }

    @Test
    void matchesTheJdksMacForKeysAroundTheBlockSize() throws Exception {
        Random rnd = new Random(2104);
        HmacSha384 mine = new HmacSha384();
        for (int keyLen : new int[] {1, 48, 127, 128, 129, 300}) {
            for (int msgLen : new int[] {0, 1, 111, 112, 128, 1000}) {
                byte[] key = new byte[keyLen], msg = new byte[msgLen];
                rnd.nextBytes(key);
                rnd.nextBytes(msg);
                Mac jdk = Mac.getInstance("HmacSHA384");
                jdk.init(new SecretKeySpec(key, "HmacSHA384"));
                byte[] expected = jdk.doFinal(msg);
                assertArrayEquals(expected, mine.init(key).update(msg).doFinal(), keyLen + "/" + msgLen);
                assertArrayEquals(expected, mine.init(key).update(msg).doFinal(), "reused instance");
            }
        }
    }
}
