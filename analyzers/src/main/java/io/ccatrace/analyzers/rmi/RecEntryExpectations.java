package io.ccatrace.analyzers.rmi;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.granule.Pas;
import io.ccatrace.analyzers.realm.RealmState;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.trace.TraceEvent;

/** RMI_REC_ENTER failure conditions (reference 4.22) the trace can decide, in order. */
final class RecEntryExpectations {
    private static final long EMUL_MMIO = 1L;
    private static final long INJECT_SEA = 1L << 1;
    private final Shadow s;
    private final RmiExpectations common;

    RecEntryExpectations(Shadow s, RmiExpectations common) {
        this.s = s;
        this.common = common;
    }

    Verdict judge(long recPa, long run) {
        if (run != TraceEvent.NULL && s.granules.pas(run) != Pas.NS) {
            return Verdict.fail("run_ptr " + RmiExpectations.hex(run) + " has PAS " + s.granules.pas(run) + " (4.22 run_pas)");
        }
        Verdict v = common.rec(recPa);
        if (v != null) return v;
        RecShadow rec = s.rec(recPa);
        if (rec == null) return null;
        if (rec.running) return Verdict.lifecycle("REC " + RmiExpectations.hex(recPa) + " is already RUNNING (4.22 rec state)");
        RealmState state = s.realmState(rec.realm);
        if (state == RealmState.NEW) return Verdict.fail("realm of REC " + RmiExpectations.hex(recPa) + " is NEW, not activated (4.22 realm_new)");
        if (state == RealmState.SYSTEM_OFF) {
            return Verdict.fail("realm of REC " + RmiExpectations.hex(recPa) + " is SYSTEM_OFF (4.22 system_off)");
        }
        if (!rec.runnable) return Verdict.fail("REC " + RmiExpectations.hex(recPa) + " is NOT_RUNNABLE (4.22 rec_runnable)");
        if (rec.psciPending) return Verdict.fail("REC " + RmiExpectations.hex(recPa) + " has a PSCI request the host has not completed (4.22 rec_psci)");
        long flags = run == TraceEvent.NULL ? 0 : s.ns.read(run, 8);
        if ((flags & INJECT_SEA) != 0 && !rec.lastExitUnprotectedAbort) {
            return Verdict.fail("INJECT_SEA set but REC " + RmiExpectations.hex(recPa) + "'s last exit was not a data abort at an"
                    + " unprotected IPA (4.22 step 10)");
        }
        if ((flags & (INJECT_SEA | EMUL_MMIO)) == EMUL_MMIO && !rec.lastExitEmulatable) {
            return Verdict.fail("EMUL_MMIO set but REC " + RmiExpectations.hex(recPa) + "'s last exit was not an emulatable"
                    + " data abort (EC 0x24 with ISV = 1 at an unprotected IPA; 4.22 rec_mmio)");
        }
        return null;
    }
}
