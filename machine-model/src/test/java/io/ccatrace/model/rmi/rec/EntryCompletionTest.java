package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.rec.PendingCall;
import io.ccatrace.model.rec.Rec;
import org.junit.jupiter.api.Test;

/**
 * Entry processing has work only after a data abort at an Unprotected IPA (INJECT_SEA,
 * EMUL_MMIO) or while a realm call waits for completion (reference 4.22 steps 2..6).
 */
class EntryCompletionTest {
    @Test
    void nothingPendingAfterAPlainExit() {
        Rec r = new Rec(0x8800_0000L, 0x8810_0000L, 0, 0, new long[0], true);
        assertFalse(EntryCompletion.pending(r, false));
        assertTrue(EntryCompletion.pending(r, true));
        for (PendingCall p : PendingCall.values()) {
            r.pendingCall = p;
            if (p != PendingCall.NONE) assertTrue(EntryCompletion.pending(r, false), p.name());
        }
    }
}
