package io.ccatrace.analyzers.rec;

import io.ccatrace.analyzers.ripas.RipasRequest;

/** Shadow of one REC (reference 7.3): liveness, flags, pending operations, last exit. */
public final class RecShadow {
    private static final int QUEUE = 16;

    public final long rec;
    public long realm;
    public boolean runnable = true;
    public boolean running;
    public boolean psciPending;
    public boolean hostCallPending;
    public final RipasRequest ripas = new RipasRequest();
    /** The request completed by the last REC_ENTER, for checking what the realm is told. */
    public final RipasRequest completedRipas = new RipasRequest();
    public long createdSeq;
    /** Last exit: seq, and whether it was a data abort at an Unprotected IPA. */
    public long lastExitSeq = -1;
    public boolean lastExitUnprotectedAbort;
    /** Whether the last exit was an emulatable data abort: EC 0x24 with ISV = 1, at an Unprotected IPA (4.22 rec_mmio). */
    public boolean lastExitEmulatable;
    /** A fault the REC cannot get past: the IPA and the seq of the fault, or -1. */
    public long stuckIpa;
    public long stuckSeq = -1;
    /** Seq of the last event showing the REC executing (RSI call, exit, fault), -1 if none. */
    public long lastProgressSeq = -1;
    /** Entry flags of the last REC_ENTER (RecRun.enter.flags, reference 2.4). */
    public long entryFlags;
    // queued RSI_IPA_STATE_SET guest steps: base, top, ripas, flags
    private final long[][] queued = new long[QUEUE][];
    private int qHead;
    private int qSize;

    public RecShadow(long rec, long realm, long seq) {
        this.rec = rec;
        this.realm = realm;
        this.createdSeq = seq;
    }

    /** Remembers a queued RSI_IPA_STATE_SET step's arguments (x1 base, x2 top, x3 ripas, x4 flags). */
    public void queueIpaStateSet(long[] args) {
        if (args == null || args.length < 4) return;
        if (qSize == QUEUE) {
            qHead = (qHead + 1) % QUEUE;
            qSize--;
        }
        queued[(qHead + qSize) % QUEUE] = new long[] {args[0], args[1], args[2], args[3]};
        qSize++;
    }

    /**
     * The flags of the queued IPA_STATE_SET step matching a RIPAS_CHANGE exit, consuming it
     * and anything queued before it; -1 when no queued step matches.
     */
    public int takeChangeDestroyed(long base, long top) {
        for (int i = 0; i < qSize; i++) {
            long[] q = queued[(qHead + i) % QUEUE];
            if (q[0] == base && q[1] == top) {
                qHead = (qHead + i + 1) % QUEUE;
                qSize -= i + 1;
                return q[3] == 1 ? 1 : 0;
            }
        }
        return -1;
    }

    public boolean stuck() {
        return stuckSeq >= 0;
    }
}
