package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Feeds a trace, event by event, to a set of rules and the shadow state. Per event: the
 * rules registered for its kind check it against the state before the event, then the
 * shadow applies it. The frequent kinds go through fused per-kind handlers ({@link RowHandlers}:
 * each enabled rule's check for the kind called directly); the others through the per-rule
 * loop ({@link RuleLoop}: an array of rules per kind, per command for RMI calls). No
 * allocation per event.
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
    /** Every rule by kind: the per-rule path, and the rows of the kinds without a fused handler. */
    private final RuleLoop loop;
    /** The fused handlers of the frequent kinds, or null on the per-rule path. */
    private final RowHandlers handlers;
    private long events;

    public Analyzer(List<Rule> rules, FindingSink sink) {
        this(rules, sink, true);
    }

    private Analyzer(List<Rule> rules, FindingSink sink, boolean fused) {
        this.rules = List.copyOf(rules);
        this.sink = sink;
        this.loop = new RuleLoop(shadow, sink, this.rules);
        this.handlers = fused && KnownRules.oneEach(this.rules)
                ? new RowHandlers(shadow, sink, new KnownRules(this.rules, shadow, sink), loop) : null;
    }

    /**
     * An analyzer that takes every row through the per-rule path (each rule's check() in turn):
     * the same findings as {@link #Analyzer(List, FindingSink)}, for tests and `bench analyze`.
     */
    public static Analyzer perRule(List<Rule> rules, FindingSink sink) {
        return new Analyzer(rules, sink, false);
    }

    public void accept(EventView e) {
        if (handlers != null) handlers.accept(e);
        else loop.accept(e, e.kind());
        events++;
    }

    /** Runs the rules' end-of-trace checks. Call once, after the last event. */
    public void finish() {
        for (Rule r : rules) r.finish(shadow, sink);
        shadow.row.forget();
    }

    /**
     * Runs a cursor to its end (rows are checked in place: no object per row), a batch at a
     * time ({@link #acceptBatch}), then finishes.
     */
    public void run(TraceCursor cursor) throws IOException {
        while (cursor.next()) acceptBatch(cursor);
        finish();
    }

    /**
     * Checks the cursor's current row and the rest of its batch, and leaves the cursor on the
     * batch's last row ({@link TraceCursor#next()} then moves to the next batch): the fused
     * handlers step the batch's rows themselves and switch on its kind codes
     * ({@link TraceCursor#batchKinds()}). A cursor without batches, or the per-rule path, gets
     * the current row alone, as {@link #accept}.
     */
    public void acceptBatch(TraceCursor cursor) {
        int[] kinds = cursor.batchKinds();
        if (kinds == null || handlers == null) {
            accept(cursor);
            return;
        }
        int from = cursor.row();
        int to = cursor.batchSize();
        handlers.rows(cursor, kinds, from, to);
        events += to - from;
    }

    public void run(TraceReader reader) throws IOException {
        while (reader.hasNext()) accept(reader.next());
        finish();
    }

    public void run(Iterator<? extends EventView> events) {
        while (events.hasNext()) accept(events.next());
        finish();
    }

    /** Whether the frequent kinds take the fused handlers (false on the per-rule path, or when two rules share a class). */
    public boolean fused() {
        return handlers != null;
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
}
