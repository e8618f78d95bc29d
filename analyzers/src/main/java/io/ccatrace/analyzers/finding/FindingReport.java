package io.ccatrace.analyzers.finding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Renders the findings of one or more traces as text or JSON, deterministically. */
public final class FindingReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The findings of one trace. */
    public record TraceFindings(String trace, long events, FindingSink sink) {
    }

    private FindingReport() {
    }

    /**
     * One block per trace; when skipped (unreadable traces of a run over many, each named on
     * stderr) is not 0, a last line says so, as the findings cover only the other traces.
     */
    public static void text(List<TraceFindings> traces, long skipped, PrintWriter out) {
        for (TraceFindings t : traces) {
            FindingSink s = t.sink();
            out.println(t.trace() + ": " + t.events() + " events, " + s.total(Severity.VIOLATION)
                    + " violation(s), " + s.total(Severity.WARNING) + " warning(s)");
            for (Finding f : s.findings()) {
                out.println("  " + f.severity() + " [" + f.ruleId() + "] seq " + f.seq()
                        + (f.hasRealm() ? " realm 0x" + Long.toHexString(f.realm()) : "") + ": " + f.message()
                        + evidence(f));
            }
            for (Map.Entry<String, long[]> c : s.counts().entrySet()) {
                long kept = s.perRuleLimit();
                for (Severity sev : Severity.values()) {
                    long n = c.getValue()[sev.ordinal()];
                    if (n > kept) {
                        out.println("  ... " + (n - kept) + " more " + sev + " [" + c.getKey() + "] not listed");
                    }
                }
            }
        }
        if (skipped > 0) {
            out.println("skipped " + skipped + " unreadable trace(s), each named on stderr; the findings above are for the other "
                    + traces.size());
        }
    }

    private static String evidence(Finding f) {
        if (f.seqs().length < 2) return "";
        StringBuilder b = new StringBuilder(" (evidence: seq");
        for (long q : f.seqs()) {
            if (q >= 0) b.append(' ').append(q);
        }
        return b.append(')').toString();
    }

    /** As {@link #text}; skipped_traces is always there (0 when every trace was read). */
    public static ObjectNode json(List<TraceFindings> traces, long skipped) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("traces");
        long v = 0;
        long w = 0;
        for (TraceFindings t : traces) {
            ObjectNode o = arr.addObject();
            o.put("trace", t.trace());
            o.put("events", t.events());
            o.put("violations", t.sink().total(Severity.VIOLATION));
            o.put("warnings", t.sink().total(Severity.WARNING));
            v += t.sink().total(Severity.VIOLATION);
            w += t.sink().total(Severity.WARNING);
            ObjectNode counts = o.putObject("counts");
            for (Map.Entry<String, long[]> c : t.sink().counts().entrySet()) {
                ObjectNode r = counts.putObject(c.getKey());
                for (Severity sev : Severity.values()) r.put(sev.name().toLowerCase(java.util.Locale.ROOT), c.getValue()[sev.ordinal()]);
            }
            ArrayNode fs = o.putArray("findings");
            for (Finding f : t.sink().findings()) {
                ObjectNode fo = fs.addObject();
                fo.put("rule", f.ruleId());
                fo.put("severity", f.severity().name());
                fo.put("seq", f.seq());
                ArrayNode seqs = fo.putArray("evidence");
                for (long q : f.seqs()) {
                    if (q >= 0) seqs.add(q);
                }
                if (f.hasRealm()) fo.put("realm", "0x" + Long.toHexString(f.realm()));
                fo.put("message", f.message());
            }
        }
        root.put("violations", v);
        root.put("warnings", w);
        root.put("skipped_traces", skipped);
        return root;
    }

    public static String jsonText(List<TraceFindings> traces, long skipped) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(traces, skipped));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
