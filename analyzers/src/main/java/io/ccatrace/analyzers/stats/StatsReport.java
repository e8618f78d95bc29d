package io.ccatrace.analyzers.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccatrace.trace.EventKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link TraceStats} as text, JSON or CSV. All three are built from one list of
 * (section, key, subkey, value) rows, sorted by construction, so the outputs agree and are
 * deterministic.
 */
public final class StatsReport {
    private static final double[] QUANTILES = {0.5, 0.9, 0.99};

    record Row(String section, String key, String sub, String value) {
    }

    private StatsReport() {
    }

    static List<Row> rows(TraceStats s) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("total", "traces", "", Long.toString(s.traces)));
        rows.add(new Row("total", "events", "", Long.toString(s.events)));
        rows.add(new Row("total", "skipped_traces", "", Long.toString(s.skipped)));
        for (EventKind k : EventKind.values()) {
            if (s.byKind[k.ordinal()] > 0) rows.add(new Row("kind", k.name(), "", Long.toString(s.byKind[k.ordinal()])));
        }
        pairs(rows, "rmi", s.rmi.named(s.names));
        pairs(rows, "rsi", s.rsi.named(s.names));
        pairs(rows, "exit", s.exits.named(s.names));
        pairs(rows, "fault", s.faults.named(s.names));
        pairs(rows, "ripas_transition", s.ripas.named(s.names));
        pairs(rows, "granule_transition", s.granules.named(s.names));
        for (Map.Entry<String, Histogram> e : s.lifetimes().entrySet()) hist(rows, "granule_lifetime_ns", e.getKey(), e.getValue());
        rows.add(new Row("delegated", "peak_granules", "", Long.toString(s.peakDelegated)));
        rows.add(new Row("delegated", "bucket_ns", "", Long.toString(s.delegatedSeries.width())));
        for (long[] p : s.delegatedSeries.points()) rows.add(new Row("delegated_over_time", Long.toString(p[0]), "", Long.toString(p[1])));
        hist(rows, "latency_ns", "ALL", s.latency);
        for (Map.Entry<String, Histogram> e : s.latencyByCommand().entrySet()) hist(rows, "latency_ns", e.getKey(), e.getValue());
        for (RealmSummary r : s.realmSummaries()) {
            // over several traces a realm is named by its trace too: the same RD in two traces is two realms
            // the second realm of an RD in one trace is 0xRD#2, and so on
            String k = (s.traces > 1 && r.trace != null ? r.trace + " " : "") + "0x" + Long.toHexString(r.rd)
                    + (r.life > 1 ? "#" + r.life : "");
            rows.add(new Row("realm", k, "state", r.state));
            rows.add(new Row("realm", k, "active_ns", Long.toString(r.lastTime - r.firstTime)));
            rows.add(new Row("realm", k, "rsi_calls", Long.toString(r.rsiCalls)));
            rows.add(new Row("realm", k, "exits", Long.toString(r.exits)));
            rows.add(new Row("realm", k, "faults", Long.toString(r.faults)));
            rows.add(new Row("realm", k, "seas", Long.toString(r.seas)));
            rows.add(new Row("realm", k, "rtt_changes", Long.toString(r.rttChanges)));
            rows.add(new Row("realm", k, "peak_data_granules", Long.toString(r.peakDataGranules)));
        }
        return rows;
    }

    private static void pairs(List<Row> rows, String section, Map<String, Map<String, Long>> m) {
        for (Map.Entry<String, Map<String, Long>> a : m.entrySet()) {
            for (Map.Entry<String, Long> b : a.getValue().entrySet()) {
                rows.add(new Row(section, a.getKey(), b.getKey().equals("-") ? "" : b.getKey(), Long.toString(b.getValue())));
            }
        }
    }

    private static void hist(List<Row> rows, String section, String key, Histogram h) {
        rows.add(new Row(section, key, "count", Long.toString(h.count())));
        for (double q : QUANTILES) rows.add(new Row(section, key, "p" + (int) Math.round(q * 100), Long.toString(h.percentile(q))));
        rows.add(new Row(section, key, "max", Long.toString(h.max())));
    }

    /** Per key of a section, the sum of its values (e.g. "rmi": calls per command). */
    public static Map<String, Long> sectionTotals(TraceStats s, String section) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Row r : rows(s)) {
            if (r.section().equals(section)) out.merge(r.key(), Long.parseLong(r.value()), Long::sum);
        }
        return out;
    }

    public static void text(TraceStats s, PrintWriter out) {
        String section = null;
        for (Row r : rows(s)) {
            if (!r.section().equals(section)) {
                section = r.section();
                out.println(section + ":");
            }
            out.println("  " + r.key() + (r.sub().isEmpty() ? "" : " " + r.sub()) + ": " + r.value());
        }
    }

    public static void csv(TraceStats s, PrintWriter out) {
        out.println("section,key,subkey,value");
        for (Row r : rows(s)) out.println(r.section() + "," + r.key() + "," + r.sub() + "," + r.value());
    }

    /**
     * JSON: section -> key -> value, or section -> key -> subkey -> value. A pair count whose
     * second name is null (e.g. a fault with no RIPAS) has no subkey; when the same key also
     * has subkeys, it is kept under the subkey "-" (the text and CSV forms leave it empty).
     */
    public static String json(TraceStats s) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        for (Row r : rows(s)) {
            ObjectNode sec = root.has(r.section()) ? (ObjectNode) root.get(r.section()) : root.putObject(r.section());
            JsonNode old = sec.get(r.key());
            if (r.sub().isEmpty() && !(old instanceof ObjectNode)) {
                putValue(sec, r.key(), r.value());
            } else {
                ObjectNode k;
                if (old instanceof ObjectNode) {
                    k = (ObjectNode) old;
                } else {
                    k = sec.putObject(r.key());
                    if (old != null) k.set("-", old);
                }
                putValue(k, r.sub().isEmpty() ? "-" : r.sub(), r.value());
            }
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putValue(ObjectNode o, String k, String v) {
        try {
            o.put(k, Long.parseLong(v));
        } catch (NumberFormatException e) {
            o.put(k, v);
        }
    }
}
