package io.ccatrace.trace.chain;

import io.ccatrace.trace.EventKind;
import java.security.SecureRandom;

/**
 * The secret of {@link ContentHash}: random keys drawn once per process (from the operating
 * system's {@link SecureRandom}), never written anywhere, so no file written before the
 * process started can depend on them. The content of a row is a vector of 64-bit values in
 * fixed slots ({@link #SLOTS}), null values absent; each slot has two 32-bit keys per pass
 * and there are two independent passes. Names become one 64-bit value by a polynomial hash modulo 2^61 - 1 at
 * a random point. docs/replay.md ("Comparing by keyed hash") gives the bounds.
 */
final class ContentKey {
    static final long M32 = 0xFFFFFFFFL;
    static final long P61 = (1L << 61) - 1;
    /** Longest args/out list and payload that get keyed slots; a longer one makes a row unhashed. */
    static final int MAX_LIST = 64;
    static final int MAX_PAYLOAD = 4096;
    static final int KIND = 0;
    /** cpu, fid, index, realm, rec, ipa, pa, level, esr, far, hpfar, value, size. */
    static final int SCALARS = 1;
    /** cmd, status, from, to, from_ripas, to_ripas, pas, ripas, exit_reason, access, half, outcome. */
    static final int NAMES = SCALARS + 13;
    /** Each list: its length, then its elements (a null list: nothing). */
    static final int ARGS = NAMES + 12;
    static final int OUT = ARGS + 1 + MAX_LIST;
    /** The payload's length, then its 8-byte little-endian words (the last zero-padded; null: nothing). */
    static final int PAYLOAD = OUT + 1 + MAX_LIST;
    static final int SLOTS = PAYLOAD + 1 + MAX_PAYLOAD / 8;

    /** Pass 1 and pass 2 keys: slot s has A[2s], A[2s + 1] (and B[2s], B[2s + 1]), each below 2^32. */
    static final long[] A;
    static final long[] B;
    /** The point at which names are evaluated as polynomials, in [1, 2^61 - 1). */
    static final long R;
    /** The kind slot's term of pass 1 and pass 2, by kind ordinal (every row has one). */
    static final long[] KIND_A;
    static final long[] KIND_B;

    static {
        SecureRandom random = new SecureRandom();
        A = new long[2 * SLOTS];
        B = new long[2 * SLOTS];
        for (int i = 0; i < A.length; i++) {
            A[i] = random.nextInt() & M32;
            B[i] = random.nextInt() & M32;
        }
        long r;
        do {
            r = random.nextLong() & P61;
        } while (r == 0 || r == P61);
        R = r;
        KIND_A = new long[EventKind.values().length];
        KIND_B = new long[KIND_A.length];
        for (int k = 0; k < KIND_A.length; k++) {
            KIND_A[k] = nh(k, A, KIND);
            KIND_B[k] = nh(k, B, KIND);
        }
    }

    private ContentKey() {
    }

    /** One NH term: the value's two 32-bit halves, each plus its key mod 2^32, multiplied (exact 64-bit product). */
    static long nh(long v, long[] k, int slot) {
        return nh(v, k[2 * slot], k[2 * slot + 1]);
    }

    /** The NH term of v with a slot's two keys k0, k1 (of {@link #A} or {@link #B}) given. */
    static long nh(long v, long k0, long k1) {
        return ((v + k0) & M32) * (((v >>> 32) + k1) & M32);
    }

    /**
     * A name as one value: 1, its UTF-16 chars and its length as the coefficients of a
     * polynomial evaluated at {@link #R} modulo 2^61 - 1 (leading coefficient 1, so two
     * different names give different polynomials): two different names collide with
     * probability at most (length + 1) / (2^61 - 1).
     */
    static long name(String s) {
        long h = 1;
        for (int i = 0; i < s.length(); i++) h = mulMod(h, R) + s.charAt(i);
        return reduce(mulMod(h, R) + s.length());
    }

    /** a * b mod 2^61 - 1 for a, b below 2^62 (result below 2^61 + small). */
    private static long mulMod(long a, long b) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b);
        return reduce((lo & P61) + ((lo >>> 61) | (hi << 3)));
    }

    private static long reduce(long x) {
        x = (x & P61) + (x >>> 61);
        return x >= P61 ? x - P61 : x;
    }
}
