package io.ccatrace.trace.arrow;

import java.nio.ByteBuffer;

/** XXH32 with seed 0 (the LZ4 frame format's checksum), over a little-endian buffer's range. */
final class Xxh32 {
    private static final int P1 = 0x9E3779B1;
    private static final int P2 = 0x85EBCA77;
    private static final int P3 = 0xC2B2AE3D;
    private static final int P4 = 0x27D4EB2F;
    private static final int P5 = 0x165667B1;

    private Xxh32() {
    }

    static int hash(ByteBuffer b, int from, int len) {
        int p = from;
        int end = from + len;
        int h;
        if (len >= 16) {
            int v1 = P1 + P2;
            int v2 = P2;
            int v3 = 0;
            int v4 = -P1;
            for (; p + 16 <= end; p += 16) {
                v1 = round(v1, b.getInt(p));
                v2 = round(v2, b.getInt(p + 4));
                v3 = round(v3, b.getInt(p + 8));
                v4 = round(v4, b.getInt(p + 12));
            }
            h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12) + Integer.rotateLeft(v4, 18);
        } else {
            h = P5;
        }
        h += len;
        for (; p + 4 <= end; p += 4) h = Integer.rotateLeft(h + b.getInt(p) * P3, 17) * P4;
        for (; p < end; p++) h = Integer.rotateLeft(h + (b.get(p) & 0xFF) * P5, 11) * P1;
        h ^= h >>> 15;
        h *= P2;
        h ^= h >>> 13;
        h *= P3;
        return h ^ (h >>> 16);
    }

    private static int round(int acc, int lane) {
        return Integer.rotateLeft(acc + lane * P2, 13) * P1;
    }
}
