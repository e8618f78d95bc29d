package io.ccatrace.analyzers.gpt;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.granule.Pas;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * Rule 11: a Non-secure (host) access to a granule whose PAS is not NS must raise a granule
 * protection fault (reference 14: "a Host (NS) access to a Realm-PAS page takes a Granule
 * Protection Fault"). Pending accesses are settled when the next input arrives.
 */
public final class NsAccessGpfRule extends BaseRule {
    public static final String ID = "ns-gpf";
    private static final int MAX_PENDING = 64;
    private final long[] pendingPa = new long[MAX_PENDING];
    private final Pas[] pendingPas = new Pas[MAX_PENDING];
    private int pending;
    private long accessSeq = -1;
    /** Whether the pending accesses are a write (else a read): a flag, not a String stored per access. */
    private boolean accessWrite;

    public NsAccessGpfRule() {
        super(ID, "Non-secure access to non-NS memory without a granule protection fault",
                "14 (GPC: NS access to Realm/Secure/Root PAS faults), 7.1",
                EventKind.NS_WRITE, EventKind.NS_READ, EventKind.RMI_CALL, EventKind.GUEST_STEP, EventKind.GPF);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        EventKind k = s.row.kind();
        if (k == EventKind.GPF) {
            onGpf(e);
            return;
        }
        settle(s, out);
        if (k == EventKind.NS_WRITE || k == EventKind.NS_READ) onAccess(e, s, k == EventKind.NS_WRITE, e.pa(), e.seq());
    }

    /** A GPF row: the pending access to its page did fault. */
    public void onGpf(EventView e) {
        long page = e.pa() & ~0xFFFL;
        for (int i = 0; i < pending; i++) {
            if (pendingPa[i] == page) {
                pendingPa[i] = pendingPa[--pending];
                pendingPas[i] = pendingPas[pending];
                break;
            }
        }
    }

    /**
     * An NS_READ or NS_WRITE row (after {@link #settle}, which every input row runs first):
     * the pages it touches whose PAS is not NS must fault before the next input. pa and seq
     * are the row's (read once by the caller).
     */
    public void onAccess(EventView e, Shadow s, boolean write, long pa, long seq) {
        if (pa == Shadow.NULL) return;
        long len = e.size() == TraceEvent.NULL_INT ? (e.payloadLength() < 0 ? 1 : e.payloadLength()) : e.size();
        long end = pa + Math.max(1, len);
        accessSeq = seq;
        accessWrite = write;
        for (long page = pa & ~0xFFFL; Long.compareUnsigned(page, end) < 0 && pending < MAX_PENDING; page += 4096) {
            Pas pas = s.granules.pas(page);
            if (pas != Pas.NS) {
                pendingPa[pending] = page;
                pendingPas[pending++] = pas;
            }
        }
    }

    @Override
    public void finish(Shadow s, FindingSink out) {
        settle(s, out);
    }

    /** Reports the accesses still pending (every input row first settles the previous one's). */
    public void settle(Shadow s, FindingSink out) {
        if (pending == 0) return;
        for (int i = 0; i < pending; i++) {
            long pa = pendingPa[i];
            long owner = s.granules.owner(pa);
            out.violation(ID, owner, "host " + (accessWrite ? "write" : "read") + " of granule " + hex(pa) + " (PAS " + pendingPas[i]
                    + ", state " + s.granules.state(pa) + (owner != Shadow.NULL ? " of realm " + hex(owner) : "")
                    + ") completed with no granule protection fault", accessSeq);
        }
        pending = 0;
    }
}
