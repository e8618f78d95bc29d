package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-rule path: decode the row, call {@link Rule#check} of every rule registered for its
 * kind (by command for RMI calls, {@link Rule#judgesCall}), then apply it to the shadow. Every
 * row of a rare kind takes it, and every row when the analyzer is built with
 * {@link Analyzer#perRule}: the reference the fused handlers ({@link RowHandlers}) must agree with.
 */
final class RuleLoop {
    private final Shadow shadow;
    private final FindingSink sink;
    private final Rule[][] byKind = new Rule[EventKind.values().length][];
    private final Rule[][] byCall = new Rule[RmiCommand.values().length][];

    RuleLoop(Shadow shadow, FindingSink sink, List<Rule> rules) {
        this.shadow = shadow;
        this.sink = sink;
        for (EventKind k : EventKind.values()) {
            List<Rule> rs = new ArrayList<>();
            for (Rule r : rules) {
                if (r.kinds().contains(k)) rs.add(r);
            }
            byKind[k.ordinal()] = rs.toArray(new Rule[0]);
        }
        for (RmiCommand c : RmiCommand.values()) {
            List<Rule> rs = new ArrayList<>();
            for (Rule r : byKind[EventKind.RMI_CALL.ordinal()]) {
                if (r.judgesCall(c)) rs.add(r);
            }
            byCall[c.ordinal()] = rs.toArray(new Rule[0]);
        }
    }

    void accept(EventView e, EventKind k) {
        shadow.decode(e, k);
        Rule[] rs = k == EventKind.RMI_CALL ? byCall[shadow.row.rmi().ordinal()] : byKind[k.ordinal()];
        for (Rule r : rs) r.check(e, shadow, sink);
        shadow.apply(e);
    }

    /** The rules of kind k (for RMI_CALL, those that judge command c; every one when c is null), in the order given. */
    Rule[] rules(EventKind k, RmiCommand c) {
        return k == EventKind.RMI_CALL && c != null ? byCall[c.ordinal()] : byKind[k.ordinal()];
    }
}
