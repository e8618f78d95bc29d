package io.ccatrace.model.host;

/**
 * What the host got back from an RMI SMC: x0 (status | index << 8, reference 1.2) and x1...
 * Status codes are the 1.0 values (reference 1.3).
 */
public record RmiReturn(long x0, long[] out) {
    public static final int SUCCESS = 0;
    public static final int ERROR_INPUT = 1;
    public static final int ERROR_REALM = 2;
    public static final int ERROR_REC = 3;
    public static final int ERROR_RTT = 4;

    private static final long[] NONE = new long[0];

    /** From x0..xN as the SMC returned them; a shared empty out when there is only x0. */
    static RmiReturn of(long[] regs) {
        if (regs.length <= 1) return new RmiReturn(regs[0], NONE);
        return new RmiReturn(regs[0], java.util.Arrays.copyOfRange(regs, 1, regs.length));
    }

    public int status() {
        return x0 == -1 ? -1 : (int) (x0 & 0xFF);
    }

    public int index() {
        return (int) ((x0 >>> 8) & 0xFF);
    }

    public boolean ok() {
        return x0 == 0;
    }

    public boolean rttError() {
        return status() == ERROR_RTT;
    }

    /** Output register x(i+1), 0 when the command returned fewer. */
    public long out(int i) {
        return i < out.length ? out[i] : 0;
    }
}
