package io.ccatrace.model.attestation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only CBOR (RFC 8949) decoder, written independently of the model's encoder:
 * integers as Long, byte strings as byte[], text as String, arrays as List, maps as
 * LinkedHashMap (keys in encoded order), tags as {@link Tagged}. Rejects what the token
 * must not contain (indefinite lengths, floats, trailing bytes).
 */
final class CborReader {
    record Tagged(long tag, Object value) {
    }

    private final byte[] in;
    private int pos;

    private CborReader(byte[] in) {
        this.in = in;
    }

    static Object decode(byte[] bytes) {
        CborReader r = new CborReader(bytes);
        Object o = r.item();
        if (r.pos != bytes.length) throw new IllegalArgumentException("trailing bytes at " + r.pos);
        return o;
    }

    private Object item() {
        int ib = in[pos++] & 0xFF;
        int major = ib >>> 5;
        long arg = argument(ib & 0x1F);
        switch (major) {
            case 0:
                return arg;
            case 1:
                return -1 - arg;
            case 2:
                return take(arg);
            case 3:
                return new String(take(arg), StandardCharsets.UTF_8);
            case 4: {
                List<Object> l = new ArrayList<>();
                for (long i = 0; i < arg; i++) l.add(item());
                return l;
            }
            case 5: {
                Map<Object, Object> m = new LinkedHashMap<>();
                for (long i = 0; i < arg; i++) {
                    Object k = item();
                    if (m.put(k, item()) != null) throw new IllegalArgumentException("duplicate key " + k);
                }
                return m;
            }
            case 6:
                return new Tagged(arg, item());
            default:
                throw new IllegalArgumentException("major type 7 at " + (pos - 1));
        }
    }

    private long argument(int ai) {
        if (ai < 24) return ai;
        int n = ai == 24 ? 1 : ai == 25 ? 2 : ai == 26 ? 4 : ai == 27 ? 8 : -1;
        if (n < 0) throw new IllegalArgumentException("additional info " + ai);
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (in[pos++] & 0xFF);
        return v;
    }

    private byte[] take(long n) {
        byte[] b = Arrays.copyOfRange(in, pos, pos + (int) n);
        pos += (int) n;
        return b;
    }
}
