package io.ccatrace.model.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Encoder output against RFC 8949 appendix A examples. */
class CborTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void integers() {
        assertArrayEquals(hex("00"), new Cbor().uint(0).toBytes());
        assertArrayEquals(hex("17"), new Cbor().uint(23).toBytes());
        assertArrayEquals(hex("1818"), new Cbor().uint(24).toBytes());
        assertArrayEquals(hex("1903e8"), new Cbor().uint(1000).toBytes());
        assertArrayEquals(hex("1a000f4240"), new Cbor().uint(1000000).toBytes());
        assertArrayEquals(hex("1b000000e8d4a51000"), new Cbor().uint(1000000000000L).toBytes());
        assertArrayEquals(hex("20"), new Cbor().integer(-1).toBytes());
        assertArrayEquals(hex("3863"), new Cbor().integer(-100).toBytes());
        assertArrayEquals(hex("3903e7"), new Cbor().integer(-1000).toBytes());
    }

    @Test
    void stringsArraysMapsTags() {
        assertArrayEquals(hex("4401020304"), new Cbor().bytes(new byte[] {1, 2, 3, 4}).toBytes());
        assertArrayEquals(hex("6449455446"), new Cbor().text("IETF").toBytes());
        assertArrayEquals(hex("83010203"), new Cbor().array(3).uint(1).uint(2).uint(3).toBytes());
        assertArrayEquals(hex("a201020304"), new Cbor().map(2).uint(1).uint(2).uint(3).uint(4).toBytes());
        assertArrayEquals(hex("c11a514b67b0"), new Cbor().tag(1).uint(1363896240).toBytes());
    }
}
