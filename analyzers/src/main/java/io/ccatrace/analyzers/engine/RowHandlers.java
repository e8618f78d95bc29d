package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;

/**
 * The fused per-kind handlers: one method per kind decodes what the kind carries, calls the
 * check of each enabled rule that judges the kind directly (the same checks, in the catalog's
 * order, that {@link RuleLoop} reaches through Rule.check), then the shadow's update for the
 * kind. NS_READ, REC_STATE, RMI_CALL, GUEST_STEP, NS_WRITE, REC_EXIT, STAGE2_FAULT, RTT_ENTRY,
 * GRANULE_STATE and PAS_CHANGE rows (all but one in a hundred) take them; the other kinds go
 * through the rule loop.
 */
final class RowHandlers {
    private final Shadow s;
    private final FindingSink out;
    private final KnownRules k;
    private final RuleLoop all;
    /** Per kind ordinal: the enabled rules of no known class (explain's, the report's). */
    private final Rule[][] others = new Rule[EventKind.values().length][];

    RowHandlers(Shadow s, FindingSink out, KnownRules k, RuleLoop all) {
        this.s = s;
        this.out = out;
        this.k = k;
        this.all = all;
        for (EventKind kind : EventKind.values()) others[kind.ordinal()] = k.others.rules(kind, null);
    }

    // The kinds' ordinals (EventKind.X.ordinal() is no constant a switch can take); checked below.
    private static final int RMI_CALL = 0;
    private static final int NS_WRITE = 1;
    private static final int NS_READ = 2;
    private static final int GUEST_STEP = 3;
    private static final int REC_EXIT = 5;
    private static final int STAGE2_FAULT = 6;
    private static final int PAS_CHANGE = 8;
    private static final int GRANULE_STATE = 9;
    private static final int RTT_ENTRY = 10;
    private static final int REC_STATE = 13;
    private static final EventKind[] KINDS = EventKind.values();

    static {
        int[] codes = {RMI_CALL, NS_WRITE, NS_READ, GUEST_STEP, REC_EXIT, STAGE2_FAULT, PAS_CHANGE, GRANULE_STATE, RTT_ENTRY, REC_STATE};
        EventKind[] kinds = {EventKind.RMI_CALL, EventKind.NS_WRITE, EventKind.NS_READ, EventKind.GUEST_STEP, EventKind.REC_EXIT,
            EventKind.STAGE2_FAULT, EventKind.PAS_CHANGE, EventKind.GRANULE_STATE, EventKind.RTT_ENTRY, EventKind.REC_STATE};
        for (int i = 0; i < codes.length; i++) {
            if (kinds[i].ordinal() != codes[i]) throw new IllegalStateException("EventKind." + kinds[i] + " moved: ordinal " + kinds[i].ordinal());
        }
    }

    /** Dispatches row e by kind. */
    void accept(EventView e) {
        s.row.view(e);
        dispatch(e, e.kind().ordinal());
    }

    /**
     * Rows from..to-1 of the cursor's current batch, whose kind ordinals are kinds: the cursor
     * is moved to each row in turn (left on the last), and the row dispatched on its kind code.
     */
    void rows(TraceCursor c, int[] kinds, int from, int to) {
        KindRow[] by = BY_KIND;
        Shadow shadow = s;
        KnownRules rules = k;
        FindingSink sink = out;
        shadow.row.view(c);
        for (int i = from; i < to; i++) {
            c.moveTo(i);
            by[kinds[i]].row(this, shadow, rules, sink, c);
        }
    }

    /** Row e of kind ordinal k to its kind's handler, the rare kinds to the rule loop. */
    private void dispatch(EventView e, int k) {
        BY_KIND[k].row(this, s, this.k, out, e);
    }

    /**
     * One kind's handler. The row loop calls it through one virtual call site that sees every
     * kind's class, so the JIT never inlines a handler into the loop: each handler is compiled
     * on its own, once, with its own inlining budget, whatever order the rows first came in.
     * (A switch calling the handlers directly had the JIT compile the loop as one method of
     * ~55 KB of machine code, three times over as rows it had not seen deoptimized it, and
     * compile each handler again on its own; on a 2-core box the one C2 thread was still busy
     * with that when the warm passes ran: docs/performance-log.md, session 10, jit10.)
     */
    private abstract static class KindRow {
        /** Row e, of the handler's kind, of analyzer h (whose shadow, known rules and sink are s, k, out). */
        abstract void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e);
    }

    /** A kind without a fused handler: the rule loop. */
    private static final class Rare extends KindRow {
        private final EventKind kind;

        Rare(EventKind kind) {
            this.kind = kind;
        }

        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            h.all.accept(e, kind);
        }
    }

    private static final KindRow[] BY_KIND = new KindRow[KINDS.length];

    static {
        for (int k = 0; k < KINDS.length; k++) BY_KIND[k] = new Rare(KINDS[k]);
        BY_KIND[NS_READ] = new NsReadRow();
        BY_KIND[REC_STATE] = new RecStateRow();
        BY_KIND[RMI_CALL] = new RmiCallRow();
        BY_KIND[GUEST_STEP] = new GuestStepRow();
        BY_KIND[NS_WRITE] = new NsWriteRow();
        BY_KIND[REC_EXIT] = new RecExitRow();
        BY_KIND[STAGE2_FAULT] = new FaultRow();
        BY_KIND[RTT_ENTRY] = new RttEntryRow();
        BY_KIND[GRANULE_STATE] = new GranuleStateRow();
        BY_KIND[PAS_CHANGE] = new PasChangeRow();
    }

    private void others(EventKind kind, EventView e) {
        Rule[] rs = others[kind.ordinal()];
        for (Rule r : rs) r.check(e, s, out);
    }

    private static final class NsReadRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.NS_READ);
            long pa = e.pa();
            long seq = e.seq();
            if (k.release != null) k.release.onNsRead(e, pa, s, out);
            if (k.measurement != null) k.measurement.checkNothingMissing(s, out);
            if (k.gpf != null) {
                k.gpf.settle(s, out);
                k.gpf.onAccess(e, s, false, pa, seq);
            }
            h.others(EventKind.NS_READ, e);
            s.applyNsRead(e, seq);
        }
    }

    private static final class NsWriteRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.NS_WRITE);
            long pa = e.pa();
            long seq = e.seq();
            if (k.measurement != null) k.measurement.checkNothingMissing(s, out);
            if (k.gpf != null) {
                k.gpf.settle(s, out);
                k.gpf.onAccess(e, s, true, pa, seq);
            }
            h.others(EventKind.NS_WRITE, e);
            s.applyNsWrite(e, pa, seq);
        }
    }

    private static final class GuestStepRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.GUEST_STEP);
            s.row.decodeGuestStep(e);
            if (k.measurement != null) k.measurement.checkNothingMissing(s, out);
            if (k.gpf != null) k.gpf.settle(s, out);
            h.others(EventKind.GUEST_STEP, e);
            s.applyGuestStep(e);
        }
    }

    private static final class RmiCallRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.RMI_CALL);
            s.row.decodeRmiCall(e);
            RmiCommand c = s.row.rmi();
            if (k.nsInProtected != null && c == RmiCommand.RMI_RTT_MAP_UNPROTECTED) k.nsInProtected.check(e, s, out);
            if (k.protectedInUnprotected != null
                    && (c == RmiCommand.RMI_DATA_CREATE || c == RmiCommand.RMI_DATA_CREATE_UNKNOWN)) {
                k.protectedInUnprotected.check(e, s, out);
            }
            if (k.alias != null) k.alias.onCall(s, out);
            if (k.measurement != null) k.measurement.checkNothingMissing(s, out);
            if (k.mustFail != null) k.mustFail.onCall(e, s, out);
            if (k.gpf != null) k.gpf.settle(s, out);
            if (k.lifecycle != null) k.lifecycle.checkCall(e, s, out);
            if (h.others[EventKind.RMI_CALL.ordinal()].length != 0) {
                for (Rule r : k.others.rules(EventKind.RMI_CALL, c)) r.check(e, s, out);
            }
            s.applyRmiCall(e);
        }
    }

    private static final class RecStateRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.REC_STATE);
            s.row.decodeRecState(e);
            h.others(EventKind.REC_STATE, e);
            s.applyRecState(e);
        }
    }

    private static final class RecExitRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.REC_EXIT);
            s.row.decodeRecExit(e);
            long recPa = e.rec();
            RecShadow rec = s.rec(recPa);
            if (k.destroyed != null) k.destroyed.onRecExit(e, rec, s, out);
            if (k.lifecycle != null) k.lifecycle.checkExecution(e, recPa, rec, s, out);
            h.others(EventKind.REC_EXIT, e);
            s.applyRecExit(e, rec);
        }
    }

    private static final class FaultRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.STAGE2_FAULT);
            s.row.decodeFault(e);
            RecShadow rec = s.rec(e.rec());
            RealmShadow realm = s.faultRealm(e, rec);
            long ipa = e.ipa();
            if (k.empty != null) k.empty.onFault(e, realm, ipa, s, out);
            if (k.destroyed != null) k.destroyed.onFault(e, rec, realm, ipa, s, out);
            h.others(EventKind.STAGE2_FAULT, e);
            s.onFault(e, rec, realm, ipa);
        }
    }

    private static final class RttEntryRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.RTT_ENTRY);
            s.row.decodeRttEntry(e);
            if (k.nsInProtected != null) k.nsInProtected.check(e, s, out);
            if (k.protectedInUnprotected != null) k.protectedInUnprotected.check(e, s, out);
            if (k.pas != null) k.pas.check(e, s, out);
            if (k.alias != null) k.alias.check(e, s, out);
            if (k.ripas != null) k.ripas.check(e, s, out);
            if (k.destroyed != null) k.destroyed.check(e, s, out);
            h.others(EventKind.RTT_ENTRY, e);
            s.onRttEntry(e);
        }
    }

    private static final class GranuleStateRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.GRANULE_STATE);
            s.row.decodeGranuleState(e);
            if (k.pas != null) k.pas.check(e, s, out);
            if (k.release != null) k.release.check(e, s, out);
            if (k.alias != null) k.alias.check(e, s, out);
            h.others(EventKind.GRANULE_STATE, e);
            s.applyGranuleState(e);
        }
    }

    private static final class PasChangeRow extends KindRow {
        @Override void row(RowHandlers h, Shadow s, KnownRules k, FindingSink out, EventView e) {
            s.begin(EventKind.PAS_CHANGE);
            s.row.decodePasChange(e);
            if (k.release != null) k.release.check(e, s, out);
            h.others(EventKind.PAS_CHANGE, e);
            s.onPasChange(e);
        }
    }
}
