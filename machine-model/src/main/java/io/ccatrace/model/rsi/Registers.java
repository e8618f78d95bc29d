package io.ccatrace.model.rsi;

/** Byte buffers carried in consecutive registers: xN holds bytes [8k, 8k+7], little-endian. */
public final class Registers {
    private Registers() {
    }

    public static byte[] toBytes(long[] regs, int from, int count) {
        byte[] b = new byte[8 * count];
        for (int r = 0; r < count; r++) {
            long v = regs[from + r];
            for (int i = 0; i < 8; i++) b[8 * r + i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    public static long[] fromBytes(byte[] b, int count) {
        long[] regs = new long[count];
        for (int i = 0; i < Math.min(b.length, 8 * count); i++) {
            regs[i / 8] |= (b[i] & 0xFFL) << (8 * (i % 8));
        }
        return regs;
    }
}
