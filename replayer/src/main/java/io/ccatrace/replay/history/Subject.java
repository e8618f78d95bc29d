package io.ccatrace.replay.history;

import static io.ccatrace.model.guestos.RealmCalls.RSI_ATTESTATION_TOKEN_CONTINUE;
import static io.ccatrace.model.guestos.RealmCalls.RSI_HOST_CALL;
import static io.ccatrace.model.guestos.RealmCalls.RSI_IPA_STATE_GET;
import static io.ccatrace.model.guestos.RealmCalls.RSI_IPA_STATE_SET;
import static io.ccatrace.model.guestos.RealmCalls.RSI_REALM_CONFIG;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;

/**
 * What `ccatrace history` follows: a granule (PA), an IPA (in any realm), or a REC. An event
 * touches it when one of its address columns, or one of its RMI operands, names it; for an
 * IPA also an RSI call (and the guest step that makes it) whose operands name memory the RMM
 * reads, writes or changes the RIPAS of on the realm's behalf (docs/replay.md, "History").
 */
public record Subject(Kind kind, long addr) {
    /** The object kinds. */
    public enum Kind { PA, IPA, REC }

    private static final long GRANULE = ~0xFFFL;

    public boolean touchedBy(EventView e) {
        switch (kind) {
            case PA: // any address in the granule: the granule
                return samePage(e.pa()) || operand(e) || e.realm() == (addr & GRANULE) && realmLevel(e);
            case REC:
                return e.rec() == (addr & GRANULE) || operand(e) || samePage(e.pa());
            default:
                return coversIpa(e) || e.kind() == io.ccatrace.trace.EventKind.RMI_CALL && operandIpa(e)
                        || (e.kind() == io.ccatrace.trace.EventKind.RSI_CALL
                            || e.kind() == io.ccatrace.trace.EventKind.GUEST_STEP) && rsiIpa(e.fid(), e.args());
        }
    }

    private boolean samePage(long pa) {
        return pa != TraceEvent.NULL && (pa & GRANULE) == (addr & GRANULE);
    }

    /** Events about the realm as a whole (its RD granule): state and measurements. */
    private static boolean realmLevel(EventView e) {
        return e.kind() == io.ccatrace.trace.EventKind.REALM_STATE
                || e.kind() == io.ccatrace.trace.EventKind.MEASUREMENT;
    }

    /**
     * An RMI call that names the granule as one it acts on (not a register that only holds the
     * same number), or returns it as the granule it freed.
     */
    private boolean operand(EventView e) {
        if (e.kind() != io.ccatrace.trace.EventKind.RMI_CALL || e.args() == null || e.cmd() == null) return false;
        return RmiOperands.namesGranule(e.cmd(), e.args(), addr & GRANULE)
                || RmiOperands.returnsGranule(e.cmd(), e.status(), e.out(), addr & GRANULE);
    }

    /** RMI calls that take an IPA (an entry, a table's range, or the [base, top) of RIPAS commands) covering it. */
    private boolean operandIpa(EventView e) {
        return e.args() != null && e.cmd() != null && RmiOperands.coversIpa(e.cmd(), e.args(), addr);
    }

    /**
     * An RSI call (by its function ID) whose x1.. name the IPA: the range [x1, x2) of
     * IPA_STATE_SET and of 1.0's IPA_STATE_GET (EAC5's takes one IPA, x1), the granule at x1 of
     * REALM_CONFIG's and ATTESTATION_TOKEN_CONTINUE's buffers and of HOST_CALL's RsiHostCall.
     */
    private boolean rsiIpa(long fid, long[] a) {
        if (a == null || a.length == 0) return false;
        if (fid == RSI_IPA_STATE_SET && a.length >= 2) return within(a[0], a[1]);
        if (fid == RSI_IPA_STATE_GET) {
            return a.length >= 2 && Long.compareUnsigned(a[0], a[1]) < 0 ? within(a[0], a[1])
                    : (a[0] & GRANULE) == (addr & GRANULE);
        }
        if (fid == RSI_REALM_CONFIG || fid == RSI_ATTESTATION_TOKEN_CONTINUE || fid == RSI_HOST_CALL) {
            return (a[0] & GRANULE) == (addr & GRANULE);
        }
        return false;
    }

    private boolean coversIpa(EventView e) {
        long ipa = e.ipa();
        if (ipa == TraceEvent.NULL) return false;
        switch (e.kind()) {
            case RTT_ENTRY:
                return e.level() >= -1 && e.level() <= 3 && (addr & -size(e.level())) == ipa;
            case REC_EXIT:
                return "RIPAS_CHANGE".equals(e.exitReason()) ? within(ipa, e.value())
                        : (ipa & GRANULE) == (addr & GRANULE);
            default:
                return (ipa & GRANULE) == (addr & GRANULE);
        }
    }

    private boolean within(long base, long top) {
        return RmiOperands.within(addr, base, top);
    }

    private static long size(int level) {
        return 1L << (12 + 9 * (3 - level));
    }
}
