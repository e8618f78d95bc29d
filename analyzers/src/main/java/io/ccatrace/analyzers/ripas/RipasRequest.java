package io.ccatrace.analyzers.ripas;

import io.ccatrace.analyzers.rtt.Ripas;

/**
 * A realm's RIPAS change request (RSI_IPA_STATE_SET, reference 6.2 and 4.21): the range, the
 * value, whether DESTROYED may change (the realm's consent), and how far the host has
 * applied it (addr, advanced by RTT_SET_RIPAS).
 */
public final class RipasRequest {
    private boolean active;
    private long base;
    private long top;
    private long addr;
    private Ripas value = Ripas.NONE;
    /** 1 = CHANGE_DESTROYED, 0 = NO_CHANGE_DESTROYED, -1 = not known from the trace. */
    private int changeDestroyed = -1;
    private long seq = -1;

    public void open(long base, long top, Ripas value, int changeDestroyed, long seq) {
        this.active = true;
        this.base = base;
        this.top = top;
        this.addr = base;
        this.value = value;
        this.changeDestroyed = changeDestroyed;
        this.seq = seq;
    }

    public void copyFrom(RipasRequest o) {
        active = o.active;
        base = o.base;
        top = o.top;
        addr = o.addr;
        if (value != o.value) value = o.value; // on every REC_ENTER: no write barrier when unchanged
        changeDestroyed = o.changeDestroyed;
        seq = o.seq;
    }

    public void clear() {
        active = false;
        base = 0;
        top = 0;
        addr = 0;
    }

    public boolean active() { return active; }
    public long base() { return base; }
    public long top() { return top; }
    public long addr() { return addr; }
    public Ripas value() { return value; }
    public int changeDestroyed() { return changeDestroyed; }
    /** Seq of the REC exit that carried the request. */
    public long seq() { return seq; }

    public void advance(long newAddr) {
        addr = newAddr;
    }
}
