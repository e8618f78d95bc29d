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

    /** An RMI call with the granule's address among its operands (x1..). */
    private boolean operand(EventView e) {
        if (e.kind() != io.ccatrace.trace.EventKind.RMI_CALL || e.args() == null) return false;
        long g = addr & GRANULE;
        for (long a : e.args()) {
            if (a == g) return true;
        }
        return false;
    }

    /** RMI calls that take an IPA (x2, or the base/top range of RIPAS commands) covering it. */
    private boolean operandIpa(EventView e) {
        long[] a = e.args();
        if (a == null || a.length < 2) return false;
        String c = e.cmd() == null ? "" : e.cmd();
        if (c.equals("RMI_RTT_INIT_RIPAS") && a.length >= 3) return within(a[1], a[2]);
        if (c.equals("RMI_RTT_SET_RIPAS") && a.length >= 4) return within(a[2], a[3]);
        if (c.startsWith("RMI_DATA_CREATE") && a.length >= 3) return (a[2] & GRANULE) == (addr & GRANULE);
        if (c.startsWith("RMI_RTT_") || c.equals("RMI_DATA_DESTROY")) {
            long ipa = a[1];
            int level = a.length >= 3 && a[2] >= 0 && a[2] <= 3 ? (int) a[2] : 3;
            // RTT_CREATE / DESTROY / FOLD name the table at level: its IPA range is one
            // entry of the level above
            boolean table = c.equals("RMI_RTT_CREATE") || c.equals("RMI_RTT_DESTROY")
                    || c.equals("RMI_RTT_FOLD");
            int span = table && level > 0 ? level - 1 : level;
            return (addr & -size(span)) == ipa;
        }
        return false;
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
        return Long.compareUnsigned(addr, base) >= 0 && Long.compareUnsigned(addr, top) < 0;
    }

    private static long size(int level) {
        return 1L << (12 + 9 * (3 - level));
    }
}
