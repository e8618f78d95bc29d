package io.ccatrace.model.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal CBOR (RFC 8949) encoder: the data items the attestation token needs, always in
 * the shortest head form. Callers write map keys in ascending encoded order so that the
 * output is deterministic.
 */
public final class Cbor {
    static final int UINT = 0, NINT = 1, BSTR = 2, TSTR = 3, ARRAY = 4, MAP = 5, TAG = 6;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Cbor uint(long v) {
        return head(UINT, v);
    }

    /** A signed integer (major type 0 or 1). */
    public Cbor integer(long v) {
        return v >= 0 ? head(UINT, v) : head(NINT, -1 - v);
    }

    public Cbor bytes(byte[] b) {
        head(BSTR, b.length);
        out.writeBytes(b);
        return this;
    }

    public Cbor text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        head(TSTR, b.length);
        out.writeBytes(b);
        return this;
    }

    public Cbor array(int n) {
        return head(ARRAY, n);
    }

    public Cbor map(int n) {
        return head(MAP, n);
    }

    public Cbor tag(long t) {
        return head(TAG, t);
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private Cbor head(int major, long v) {
        int m = major << 5;
        if (v >= 0 && v < 24) {
            out.write(m | (int) v);
        } else if (v >= 0 && v < 0x100) {
            out.write(m | 24);
            out.write((int) v);
        } else if (v >= 0 && v < 0x10000) {
            out.write(m | 25);
            be(v, 2);
        } else if (v >= 0 && v < 0x1_0000_0000L) {
            out.write(m | 26);
            be(v, 4);
        } else {
            out.write(m | 27);
            be(v, 8);
        }
        return this;
    }

    private void be(long v, int n) {
        for (int i = n - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xFF);
    }
}
