package io.ccatrace.model.granule;

/**
 * RMM bookkeeping for one 4 KiB granule: its state and, for RD/REC/RTT/DATA/REC_AUX, the
 * object it holds and the owning realm's RD address. Mutated only by {@link GranuleTable}.
 */
public final class Granule {
    private final long pa;
    private GranuleState state = GranuleState.UNDELEGATED;
    private Object content;
    private long owner = -1;

    Granule(long pa) {
        this.pa = pa;
    }

    public long pa() {
        return pa;
    }

    public GranuleState state() {
        return state;
    }

    /** The Realm (RD), Rec (REC) or Rtt (RTT) living in this granule, else null. */
    public Object content() {
        return content;
    }

    /** RD address of the owning realm for RD/REC/REC_AUX/RTT/DATA granules, else -1. */
    public long owner() {
        return owner;
    }

    void set(GranuleState s, Object c, long o) {
        state = s;
        content = c;
        owner = o;
    }
}
