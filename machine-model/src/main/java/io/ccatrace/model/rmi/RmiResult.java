package io.ccatrace.model.rmi;

/**
 * A spec outcome of an RMI command: status, index (reference 1.2) and output registers
 * x1... A result is a value; simulator bugs throw instead.
 */
public record RmiResult(RmiStatus status, int index, long[] out) {
    private static final long[] NONE = new long[0];

    public static RmiResult success(long... out) {
        return new RmiResult(RmiStatus.RMI_SUCCESS, 0, out);
    }

    public static RmiResult error(RmiStatus s) {
        return new RmiResult(s, 0, NONE);
    }

    public static RmiResult errorWith(RmiStatus s, long... out) {
        return new RmiResult(s, 0, out);
    }

    /** RMI_ERROR_RTT with the level in index. */
    public static RmiResult rtt(int level, long... out) {
        return new RmiResult(RmiStatus.RMI_ERROR_RTT, level & 0xFF, out);
    }

    public static RmiResult input() {
        return error(RmiStatus.RMI_ERROR_INPUT);
    }

    public boolean ok() {
        return status == RmiStatus.RMI_SUCCESS;
    }

    /** x0 as the host receives it: status | (index << 8). */
    public long x0() {
        return status.code() | ((long) index << 8);
    }
}
