package io.ccatrace.model.rmi.rec;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.memory.PhysicalMemory;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Quirk;
import io.ccatrace.model.rsi.RealmContext;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.stage2.Access;
import io.ccatrace.model.stage2.Stage2;
import io.ccatrace.model.stage2.Stage2Faults;
import io.ccatrace.model.stage2.Syndrome;

/**
 * Runs a read, write or exec step: stage-2 translation and the fault rules of reference 8.2,
 * with the exit syndromes of 8.3. A load writes x0 (Rt = 0); a store takes its data from x0.
 */
final class AccessExecutor {
    private final RealmContext ctx;

    AccessExecutor(RealmContext ctx) {
        this.ctx = ctx;
    }

    static Access accessOf(GuestStep s) {
        switch (s.op()) {
            case READ:
                return Access.READ;
            case WRITE:
                return Access.WRITE;
            default:
                return Access.EXEC;
        }
    }

    static long mask(long v, int size) {
        return size == 8 ? v : v & ((1L << (8 * size)) - 1);
    }

    /** Returns the exit the access causes, or null when the realm continues. */
    RecRunExit run(GuestStep s) {
        Rec rec = ctx.rec();
        Access a = accessOf(s);
        long ipa = s.ipa();
        int size = s.size();
        if (a == Access.WRITE) rec.gprs[0] = s.value();
        if ((ipa & (size - 1)) != 0) {
            // misaligned: an alignment fault taken and handled inside the realm (no stage 2)
            consume();
            return null;
        }
        Stage2.Translation t = Stage2.translate(ctx.realm(), ctx.rmm().granules(), ipa, a);
        if (ctx.rmm().has(Quirk.BUG_FAULT_SKIPS_RIPAS_CHECK) && t.isProtected()
                && t.outcome() == Stage2.Outcome.SEA && t.hipas() == RttState.UNASSIGNED) {
            // seeded bug: the RIPAS EMPTY check is skipped, the fault goes to the host
            t = new Stage2.Translation(Stage2.Outcome.EXIT, t.pa(), t.half(), t.hipas(), t.ripas(), t.level());
        }
        switch (t.outcome()) {
            case MAPPED:
                return reach(s, a, t);
            case SEA:
                fault(ipa, a, t);
                consume();
                return null;
            case PERMISSION:
                // spec A4.3.4.3: a stage-2 permission fault on ASSIGNED_NS is emulatable when
                // the hardware set ISV (TF-RMM agrees); see docs/model-decisions.md
                fault(ipa, a, t);
                return unprotectedAbort(a, size, Syndrome.permissionFault(t.level()), ipa, s.isv());
            default:
                fault(ipa, a, t);
                if (a == Access.EXEC) {
                    long esr = Syndrome.instructionAbort(Syndrome.translationFault(t.level()));
                    return sync(esr & Syndrome.INSTRUCTION_ABORT_MASK, 0, ipa);
                }
                if (t.isProtected()) {
                    long esr = Syndrome.dataAbort(a == Access.WRITE, size, s.isv(),
                            Syndrome.translationFault(t.level()));
                    return sync(esr & Syndrome.NON_EMULATABLE_MASK, 0, ipa);
                }
                return unprotectedAbort(a, size, Syndrome.translationFault(t.level()), ipa, s.isv());
        }
    }

    /** The access reaches memory: a DATA granule, or an NS page if the GPT lets it through. */
    private RecRunExit reach(GuestStep s, Access a, Stage2.Translation t) {
        PhysicalMemory m = ctx.rmm().memory();
        long pa = t.pa();
        if (!t.isProtected() && ctx.rmm().gpt().pasOf(pa) != Pas.NS) {
            EventBus bus = ctx.rmm().bus();
            bus.emit(new ModelEvent.Gpf(bus.seq(), bus.now(), bus.cause(), ctx.cpu(), pa,
                    ctx.rmm().gpt().pasOf(pa).name(), a.name()));
            return unprotectedAbort(a, s.size(), Syndrome.GRANULE_PROTECTION_FAULT, s.ipa(), false);
        }
        Rec rec = ctx.rec();
        if (a == Access.READ) {
            rec.gprs[0] = m.readNarrow(pa, s.size());
        } else if (a == Access.WRITE) {
            m.writeNarrow(pa, s.value(), s.size());
        }
        consume();
        return null;
    }

    /**
     * A data abort at an Unprotected IPA: INJECT_SEA becomes legal, EMUL_MMIO too when the
     * abort is emulatable (ISV = 1: a translation fault on UNASSIGNED_NS or a permission fault
     * on ASSIGNED_NS, spec A4.3.4.3). A non-emulatable one shows IL besides the fields of a
     * protected abort (A4.3.4.3).
     */
    private RecRunExit unprotectedAbort(Access a, int size, int dfsc, long ipa, boolean emulatable) {
        boolean write = a == Access.WRITE;
        long esr = Syndrome.dataAbort(write, size, emulatable, dfsc);
        RecRunExit exit;
        if (emulatable) {
            long data = write ? mask(ctx.rec().gprs[0], size) : 0;
            exit = RecRunExit.of(ExitReason.SYNC, esr & Syndrome.EMULATABLE_MASK, ipa & 0xFFF,
                    Syndrome.hpfar(ipa), data);
        } else {
            exit = sync(esr & Syndrome.NON_EMULATABLE_UNPROTECTED_MASK, 0, ipa);
        }
        ctx.rec().lastExitUnprotectedAbort = true;
        ctx.rec().lastExitEmulatable = emulatable;
        return exit;
    }

    private static RecRunExit sync(long esr, long far, long ipa) {
        return RecRunExit.of(ExitReason.SYNC, esr, far, Syndrome.hpfar(ipa));
    }

    private void fault(long ipa, Access a, Stage2.Translation t) {
        Stage2Faults.emit(ctx.rmm().bus(), ctx.realm().rd(), ctx.rec().pa(), ipa, a, t,
                Stage2Faults.outcomeOf(t));
    }

    private void consume() {
        ctx.rmm().guest().pop(ctx.rec().pa());
    }
}
