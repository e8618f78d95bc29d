package io.ccatrace.model.guestos;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;

/**
 * A Linux-style RIPAS change of [base, top) (reference 6.2 RSI_IPA_STATE_SET, 8.4, 13.1):
 * ask, and while the host made progress but not all of it, ask again from the returned
 * address. A REJECT, an error, or three answers without progress end it.
 */
final class RipasRequest {
    /** How the request ended. */
    enum Outcome { PENDING, DONE, REJECTED, FAILED, STALLED }

    private final long top;
    private final long ripas;
    private final long flags;
    private long cursor;
    private int stalls;
    private Outcome outcome = Outcome.PENDING;

    RipasRequest(long base, long top, long ripas, long flags) {
        this.cursor = base;
        this.top = top;
        this.ripas = ripas;
        this.flags = flags;
    }

    GuestStep step() {
        return GuestStep.call(RealmCalls.RSI_IPA_STATE_SET, cursor, top, ripas, flags);
    }

    void onResult(ModelEvent.RsiCall r) {
        if (r.ret() != RealmCalls.RSI_SUCCESS) {
            outcome = Outcome.FAILED;
            return;
        }
        long next = r.out().length > 0 ? r.out()[0] : cursor;
        long response = r.out().length > 1 ? r.out()[1] : RealmCalls.RSI_ACCEPT;
        if (response == RealmCalls.RSI_REJECT) {
            outcome = Outcome.REJECTED;
        } else if (Long.compareUnsigned(next, top) >= 0) {
            outcome = Outcome.DONE;
        } else if (Long.compareUnsigned(next, cursor) <= 0) {
            if (++stalls >= 3) outcome = Outcome.STALLED;
        } else {
            cursor = next;
            stalls = 0;
        }
    }

    Outcome outcome() {
        return outcome;
    }
}
