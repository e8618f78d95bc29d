package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;

/**
 * The fused handlers of the frequent kinds (NS_READ, REC_STATE, RMI_CALL, GUEST_STEP,
 * NS_WRITE, REC_EXIT: nine rows in ten): one method per kind decodes what the kind carries,
 * calls the narrow check of each enabled rule that judges the kind (the same checks, in the
 * catalog's order, that {@link RuleLoop} reaches through Rule.check), then the shadow's
 * update for the kind. The other kinds go through the rule loop.
 */
final class RowHandlers {
    private final Shadow s;
    private final FindingSink out;
    private final KnownRules k;
    private final RuleLoop all;
    private final Rule[] otherNsRead;
    private final Rule[] otherNsWrite;
    private final Rule[] otherGuestStep;
    private final Rule[] otherRecState;
    private final Rule[] otherRecExit;

    RowHandlers(Shadow s, FindingSink out, KnownRules k, RuleLoop all) {
        this.s = s;
        this.out = out;
        this.k = k;
        this.all = all;
        otherNsRead = k.others.rules(EventKind.NS_READ, null);
        otherNsWrite = k.others.rules(EventKind.NS_WRITE, null);
        otherGuestStep = k.others.rules(EventKind.GUEST_STEP, null);
        otherRecState = k.others.rules(EventKind.REC_STATE, null);
        otherRecExit = k.others.rules(EventKind.REC_EXIT, null);
    }

    void accept(EventView e) {
        EventKind kind = e.kind();
        switch (kind) {
            case NS_READ: nsRead(e); break;
            case REC_STATE: recState(e); break;
            case RMI_CALL: rmiCall(e); break;
            case GUEST_STEP: guestStep(e); break;
            case NS_WRITE: nsWrite(e); break;
            case REC_EXIT: recExit(e); break;
            default: all.accept(e, kind); break;
        }
    }

    private void others(Rule[] rs, EventView e) {
        for (Rule r : rs) r.check(e, s, out);
    }

    private void nsRead(EventView e) {
        s.begin(e, EventKind.NS_READ);
        if (k.release != null) k.release.onNsRead(e, s, out);
        if (k.measurement != null) k.measurement.checkNothingMissing(s, out);
        if (k.gpf != null) {
            k.gpf.settle(s, out);
            k.gpf.onAccess(e, s, false);
        }
        if (otherNsRead.length != 0) others(otherNsRead, e);
        s.applyNsRead(e);
    }

    private void nsWrite(EventView e) {
        s.begin(e, EventKind.NS_WRITE);
        if (k.measurement != null) k.measurement.checkNothingMissing(s, out);
        if (k.gpf != null) {
            k.gpf.settle(s, out);
            k.gpf.onAccess(e, s, true);
        }
        if (otherNsWrite.length != 0) others(otherNsWrite, e);
        s.applyNsWrite(e);
    }

    private void guestStep(EventView e) {
        s.begin(e, EventKind.GUEST_STEP);
        s.row.decodeGuestStep(e);
        if (k.measurement != null) k.measurement.checkNothingMissing(s, out);
        if (k.gpf != null) k.gpf.settle(s, out);
        if (otherGuestStep.length != 0) others(otherGuestStep, e);
        s.applyGuestStep(e);
    }

    private void rmiCall(EventView e) {
        s.begin(e, EventKind.RMI_CALL);
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
        Rule[] rs = k.others.rules(EventKind.RMI_CALL, c);
        if (rs.length != 0) others(rs, e);
        s.applyRmiCall(e);
    }

    private void recState(EventView e) {
        s.begin(e, EventKind.REC_STATE);
        s.row.decodeRecState(e);
        if (otherRecState.length != 0) others(otherRecState, e);
        s.applyRecState(e);
    }

    private void recExit(EventView e) {
        s.begin(e, EventKind.REC_EXIT);
        s.row.decodeRecExit(e);
        if (k.destroyed != null) k.destroyed.onRecExit(e, s, out);
        if (k.lifecycle != null) k.lifecycle.checkExecution(e, s, out);
        if (otherRecExit.length != 0) others(otherRecExit, e);
        s.applyRecExit(e);
    }
}
