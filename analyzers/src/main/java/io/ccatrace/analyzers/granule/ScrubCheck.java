package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.trace.EventView;

/**
 * Part of rule 4 (granule-release): a Non-secure read of a granule that came back from the
 * Realm PAS must see what the trace says is there: zeros, since every return to DELEGATED
 * zeroes a granule and only a DELEGATED granule can be undelegated (reference 7.1, 4.4),
 * plus the bytes NS_WRITE rows wrote since. Any other byte was left by the realm or the RMM:
 * the granule was not scrubbed. Judged from the NS_READ row's payload (the bytes read).
 */
final class ScrubCheck {
    private ScrubCheck() {
    }

    /** The NS_READ row e at pa (the row's, read once by the caller). */
    static void check(String rule, EventView e, long pa, Shadow s, FindingSink out) {
        if (pa == Shadow.NULL || s.released.tracked() == 0) return;
        // when no page the bytes read cover came back from the Realm PAS, the bytes need not
        // be fetched at all; the payload's own length decides which pages, not the row's size
        // (an edited trace may claim a shorter size than the bytes it carries)
        int length = e.payloadLength();
        if (length <= 0 || !anyReleased(s, pa, length)) return;
        byte[] got = e.payload();
        if (got == null || got.length == 0) return;
        int i = 0;
        while (i < got.length) {
            long at = pa + i;
            int n = (int) Math.min(got.length - i, 0x1000 - (at & 0xFFF));
            long releasedBy = s.released.releasedBy(at);
            if (releasedBy >= 0) {
                byte[] page = s.ns.page(at);
                int off = (int) (at & 0xFFF);
                for (int k = 0; k < n; k++) {
                    if (got[i + k] != page[off + k]) {
                        report(rule, e, s, out, at + k, got[i + k], page[off + k], releasedBy);
                        return;
                    }
                }
            }
            i += n;
        }
    }

    private static boolean anyReleased(Shadow s, long pa, long size) {
        for (long page = pa & ~0xFFFL; Long.compareUnsigned(page, pa + size) < 0; page += 0x1000) {
            if (s.released.releasedBy(page) >= 0) return true;
        }
        return false;
    }

    private static void report(String rule, EventView e, Shadow s, FindingSink out, long at, byte got,
                               byte want, long releasedBy) {
        long granule = at & ~0xFFFL;
        out.violation(rule, Shadow.NULL, "host read of granule 0x" + Long.toHexString(granule)
                + " returned 0x" + Integer.toHexString(got & 0xFF) + " at 0x" + Long.toHexString(at)
                + " where the trace says 0x" + Integer.toHexString(want & 0xFF) + ": the granule came back"
                + " from the Realm PAS (seq " + releasedBy + ") and no NS write put that byte there, so the"
                + " RMM did not zero it on its way to DELEGATED (7.1, 4.4): realm data reached the host",
                e.seq(), releasedBy, s.released.releaseSeq(at));
    }
}
