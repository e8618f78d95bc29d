package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Feeds a trace, event by event, to a set of rules and the shadow state. Per event: the
 * rules registered for its kind check it against the state before the event, then the
 * shadow applies it. Dispatch is an array indexed by kind ordinal (by command for RMI calls,
 * so a REC_ENTER row reaches only the rules that judge REC_ENTER): no allocation per event.
 */
public final class Analyzer {
    /**
     * The columns the shadow and the rules read: every column but time, cpu, far, half, pas,
     * from, input (derived from kind) and chain. `analyze` decodes only these; a rule that
     * reads another column fails loudly on such a cursor (AnalyzerCursorPathTest).
     */
    public static final Set<Column> COLUMNS = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(
            Column.TIME, Column.CPU, Column.FAR, Column.HALF, Column.PAS, Column.FROM, Column.INPUT, Column.CHAIN)));

    private final Shadow shadow = new Shadow();
    private final FindingSink sink;
    private final List<Rule> rules;
    private final Rule[][] byKind = new Rule[EventKind.values().length][];
    /** The rules an RMI_CALL row of each command reaches (by {@link Rule#judgesCall}). */
    private final Rule[][] byCall = new Rule[RmiCommand.values().length][];
    private long events;
    private long lastSeq = -1;

    public Analyzer(List<Rule> rules, FindingSink sink) {
        this.rules = List.copyOf(rules);
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

    public void accept(EventView e) {
        EventKind k = e.kind();
        shadow.decode(e, k);
        Rule[] rs = k == EventKind.RMI_CALL ? byCall[shadow.row.rmi().ordinal()] : byKind[k.ordinal()];
        for (Rule r : rs) r.check(e, shadow, sink);
        shadow.apply(e);
        events++;
        lastSeq = e.seq();
    }

    /** Runs the rules' end-of-trace checks. Call once, after the last event. */
    public void finish() {
        for (Rule r : rules) r.finish(shadow, sink);
        shadow.row.forget();
    }

    /** Runs a cursor to its end (rows are checked in place: no object per row), then finishes. */
    public void run(TraceCursor cursor) throws IOException {
        while (cursor.next()) accept(cursor);
        finish();
    }

    public void run(TraceReader reader) throws IOException {
        while (reader.hasNext()) accept(reader.next());
        finish();
    }

    public void run(Iterator<? extends EventView> events) {
        while (events.hasNext()) accept(events.next());
        finish();
    }

    public Shadow shadow() {
        return shadow;
    }

    public FindingSink findings() {
        return sink;
    }

    public long events() {
        return events;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
