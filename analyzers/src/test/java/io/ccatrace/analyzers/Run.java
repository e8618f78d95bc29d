package io.ccatrace.analyzers;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Severity;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/** Runs rules over synthetic events in tests. */
final class Run {
    private Run() {
    }

    static List<Finding> rules(List<TraceEvent> events, String... ids) {
        Analyzer a = new Analyzer(RuleCatalog.select(List.of(ids)), new FindingSink());
        a.run(events.iterator());
        return a.findings().findings();
    }

    static List<Finding> of(List<Finding> fs, Severity s) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : fs) {
            if (f.severity() == s) out.add(f);
        }
        return out;
    }

    static List<Finding> violations(List<TraceEvent> events, String... ids) {
        return of(rules(events, ids), Severity.VIOLATION);
    }
}
