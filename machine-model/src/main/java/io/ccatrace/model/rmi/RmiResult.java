package io.ccatrace.model.rmi;

/**
 * A spec outcome of an RMI command: status, index (reference 1.2) and output registers
 * x1... A result is a value; simulator bugs throw instead. Results without outputs are
 * shared constants (one per status; out is then an empty array), so the commonest
 * returns, such as RMI_REC_ENTER's success, allocate nothing.
 */
public record RmiResult(RmiStatus status, int index, long[] out) {
    private static final long[] NONE = new long[0];
    private static final RmiResult[] BARE = bare();

    private static RmiResult[] bare() {
        RmiStatus[] all = RmiStatus.values();
        RmiResult[] r = new RmiResult[all.length];
        for (int i = 0; i < all.length; i++) r[i] = new RmiResult(all[i], 0, NONE);
        return r;
    }

    /** RMI_SUCCESS without outputs. */
    public static RmiResult success() {
        return BARE[RmiStatus.RMI_SUCCESS.ordinal()];
    }

    public static RmiResult success(long... out) {
        return new RmiResult(RmiStatus.RMI_SUCCESS, 0, out);
    }

    /** The status with index 0 and no outputs. */
    public static RmiResult error(RmiStatus s) {
        return BARE[s.ordinal()];
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
