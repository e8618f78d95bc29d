package io.ccatrace.analyzers.report;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.explain.CrashExplainer;
import io.ccatrace.analyzers.explain.Explanation;
import io.ccatrace.analyzers.finding.Finding;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.finding.Severity;
import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.analyzers.stats.StatsReport;
import io.ccatrace.analyzers.stats.TraceStats;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One self-contained HTML page (inline CSS and SVG, no external assets) for a trace: the
 * findings with links to their evidence rows, each crashed or stalled realm's causal chain
 * (the {@code explain} output, its seqs linked to evidence rows), each realm's memory over time (RIPAS and
 * mapping state per RTT entry), granules by state over time, and histograms of RMI calls and
 * REC exits. Reads the trace twice: once to analyze, once to pick up the evidence rows.
 */
public final class HtmlReport {
    private static final int W = 960;
    private static final int MAX_ROWS = 160;
    /** Room above the first timeline row so its label is not clipped. */
    private static final int TOP = 12;
    private static final Pattern SEQ = Pattern.compile("seq (\\d+)");
    private static final String[][] COLORS = {
        {"mapped RAM", "#2e9e44"}, {"unassigned RAM", "#a8dcb2"}, {"assigned EMPTY", "#9a9a9a"},
        {"unassigned EMPTY", "#d9d9d9"}, {"unassigned DESTROYED", "#d93b3b"}, {"assigned DESTROYED", "#8e1b1b"},
        {"NS mapped", "#3b6fd9"}, {"NS unmapped", "#b8c9ef"}};

    private final StringBuilder h = new StringBuilder();

    private HtmlReport() {
    }

    /**
     * Builds the page; source yields a fresh pass over the trace's events each call (rows may
     * be one reused view, as a cursor gives them: the page copies the few it keeps).
     */
    public static String build(String title, Supplier<? extends Iterator<? extends EventView>> source) {
        return build(title, source, List.of());
    }

    /**
     * As {@link #build(String, Supplier)}; the page opens with the reader's warnings (a broken
     * integrity chain, an unfinished recording), read once both passes are over.
     */
    public static String build(String title, Supplier<? extends Iterator<? extends EventView>> source,
                               java.util.Collection<String> warnings) {
        return build(title, source, warnings, () -> false);
    }

    /**
     * As above; unfinished says (after the first pass) whether the trace is an unfinished
     * recording. Such a trace ends wherever the recording stopped, so a crash whose only
     * evidence is that nothing follows (Explanation.atTraceEnd) is not shown, as explain does;
     * the page says how many were left out.
     */
    public static String build(String title, Supplier<? extends Iterator<? extends EventView>> source,
                               java.util.Collection<String> warnings, java.util.function.BooleanSupplier unfinished) {
        MemoryTimeline timeline = new MemoryTimeline();
        List<Rule> rules = new ArrayList<>(RuleCatalog.all());
        rules.add(timeline);
        CrashExplainer explainer = new CrashExplainer();
        rules.add(explainer);
        Analyzer a = new Analyzer(rules, new FindingSink(200));
        TraceStats stats = new TraceStats();
        stats.startTrace();
        Iterator<? extends EventView> it = source.get();
        while (it.hasNext()) {
            EventView e = it.next();
            a.accept(e);
            stats.accept(e);
        }
        a.finish();
        List<Finding> findings = a.findings().findings();
        TreeSet<Long> wanted = new TreeSet<>();
        for (Finding f : findings) {
            for (long q : f.seqs()) if (q >= 0) wanted.add(q);
        }
        List<Explanation> crashes = explainer.explanations();
        boolean cut = unfinished.getAsBoolean();
        List<Explanation> judged = new ArrayList<>();
        for (Explanation x : crashes) if (x.judged(cut)) judged.add(x);
        int left = crashes.size() - judged.size();
        crashes = judged;
        for (Explanation x : crashes) {
            for (String step : x.chain()) {
                Matcher m = SEQ.matcher(step);
                while (m.find()) wanted.add(Long.parseLong(m.group(1)));
            }
        }
        List<TraceEvent> evidence = new ArrayList<>();
        if (!wanted.isEmpty()) {
            Iterator<? extends EventView> again = source.get();
            while (again.hasNext()) {
                EventView e = again.next();
                if (wanted.contains(e.seq())) evidence.add(copy(e));
            }
        }
        HtmlReport r = new HtmlReport();
        List<String> notes = new ArrayList<>(warnings);
        if (left > 0) {
            notes.add(Explanation.notJudged(left));
        }
        r.page(title, a, findings, crashes, timeline, stats, evidence, List.copyOf(notes));
        return r.h.toString();
    }

    /** An immutable copy of a row that may be a reused view. */
    private static TraceEvent copy(EventView e) {
        if (e instanceof TraceEvent) return (TraceEvent) e;
        long[] args = e.args();
        long[] out = e.out();
        byte[] payload = e.payload();
        return TraceEvent.builderOf(e).args(args == null ? null : args.clone()).out(out == null ? null : out.clone())
                .payload(payload == null ? null : payload.clone()).build();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String hex(long v) {
        return v == TraceEvent.NULL ? "" : "0x" + Long.toHexString(v);
    }

    private void page(String title, Analyzer a, List<Finding> findings, List<Explanation> crashes, MemoryTimeline t,
                      TraceStats stats, List<TraceEvent> evidence, List<String> warnings) {
        long v = a.findings().total(Severity.VIOLATION);
        long w = a.findings().total(Severity.WARNING);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ccatrace report: ")
                .append(esc(title)).append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}")
                .append("h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}")
                .append(".VIOLATION{color:#b00020;font-weight:bold}.WARNING{color:#a66300}.ok{color:#2e7d32;font-weight:bold}")
                .append(".legend span{display:inline-block;margin-right:12px}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}")
                .append("svg text{font:11px system-ui,sans-serif}:target{background:#fff3b0}")
                .append("</style></head><body>");
        h.append("<h1>ccatrace report: ").append(esc(title)).append("</h1><p>").append(a.events()).append(" events, ")
                .append(v == 0 ? "<span class=\"ok\">no violation</span>" : "<span class=\"VIOLATION\">" + v + " violation(s)</span>")
                .append(", ").append(w).append(" warning(s).</p>");
        for (String warning : warnings) {
            h.append("<p class=\"VIOLATION\">Trace warning: ").append(esc(warning)).append("</p>");
        }
        findingsTable(findings);
        crashSection(crashes);
        h.append("<h2>Realm memory over time</h2>");
        legend();
        for (long realm : t.spans.sortedKeys()) realmTimeline(realm, t.spans.get(realm), t.lastSeq, t.dropped.get(realm) == null ? 0 : t.dropped.a(t.dropped.find(realm)));
        granuleChart(t.samples, t.lastSeq);
        bars("RMI calls by command", StatsReport.sectionTotals(stats, "rmi"), "#5b7bd5");
        bars("REC exits by reason", StatsReport.sectionTotals(stats, "exit"), "#d5895b");
        evidenceTable(evidence);
        h.append("</body></html>\n");
    }

    private void findingsTable(List<Finding> findings) {
        h.append("<h2>Findings</h2>");
        if (findings.isEmpty()) {
            h.append("<p class=\"ok\">No finding.</p>");
            return;
        }
        h.append("<table><tr><th>severity</th><th>rule</th><th>events</th><th>realm</th><th>message</th></tr>");
        for (Finding f : findings) {
            h.append("<tr><td class=\"").append(f.severity()).append("\">").append(f.severity()).append("</td><td>")
                    .append(esc(f.ruleId())).append("</td><td>");
            for (long q : f.seqs()) {
                if (q >= 0) h.append("<a href=\"#e").append(q).append("\">").append(q).append("</a> ");
            }
            h.append("</td><td>").append(f.hasRealm() ? hex(f.realm()) : "").append("</td><td>").append(esc(f.message()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private void crashSection(List<Explanation> crashes) {
        h.append("<h2>Crashes and stalls</h2>");
        if (crashes.isEmpty()) {
            h.append("<p class=\"ok\">Every realm ended normally or is still making progress.</p>");
            return;
        }
        for (Explanation x : crashes) {
            h.append("<p><b>realm ").append(hex(x.realm())).append("</b>: ").append(esc(x.verdict())).append("</p><ol>");
            for (String step : x.chain()) {
                Matcher m = SEQ.matcher(esc(step));
                h.append("<li>").append(m.replaceAll("<a href=\"#e$1\">seq $1</a>")).append("</li>");
            }
            h.append("</ol>");
        }
    }

    private static String color(String state) {
        for (String[] c : COLORS) if (c[0].equals(state)) return c[1];
        return "#f0c000";
    }

    private void legend() {
        h.append("<p class=\"legend\">");
        for (String[] c : COLORS) {
            h.append("<span><i class=\"sw\" style=\"background:").append(c[1]).append("\"></i>").append(c[0]).append("</span>");
        }
        h.append("</p><p>Each row is one RTT entry (IPA, level); the x axis is the event seq. Hover a bar for details.</p>");
    }

    private void realmTimeline(long realm, List<MemoryTimeline.Span> spans, long lastSeq, long dropped) {
        TreeMap<Long, Integer> rows = new TreeMap<>();
        for (MemoryTimeline.Span s : spans) rows.putIfAbsent((s.ipa() << 3) | s.level() + 1, 0);
        int i = 0;
        for (Map.Entry<Long, Integer> e : rows.entrySet()) e.setValue(i++);
        int shown = Math.min(rows.size(), MAX_ROWS);
        int rowH = shown > 80 ? 4 : 9;
        int left = 130;
        int height = TOP + shown * rowH + 30;
        double sx = (W - left - 10) / (double) Math.max(1, lastSeq);
        h.append("<h3>realm ").append(hex(realm)).append("</h3><svg width=\"").append(W).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"memory timeline of realm ").append(hex(realm)).append("\">");
        for (Map.Entry<Long, Integer> e : rows.entrySet()) {
            if (e.getValue() >= shown) break;
            if (e.getValue() % Math.max(1, shown / 12) == 0) {
                h.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\">%s L%d</text>", TOP + e.getValue() * rowH + rowH,
                        hex(e.getKey() >>> 3), (e.getKey() & 7) - 1));
            }
        }
        for (MemoryTimeline.Span s : spans) {
            int row = rows.get((s.ipa() << 3) | s.level() + 1);
            if (row >= shown) continue;
            double x = left + s.from() * sx;
            double wd = Math.max(1, (s.to() - s.from()) * sx);
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s L%d: %s, seq %d-%d</title></rect>",
                    x, TOP + row * rowH, wd, rowH - 1, color(s.state()), hex(s.ipa()), s.level(), esc(s.state()), s.from(), s.to()));
        }
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">seq 0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">seq %d</text>",
                left, height - 6, W - 10, height - 6, lastSeq));
        h.append("</svg>");
        if (rows.size() > shown) h.append("<p>").append(rows.size() - shown).append(" more entries not drawn.</p>");
        if (dropped > 0) h.append("<p>").append(dropped).append(" later changes not drawn.</p>");
    }

    private void granuleChart(List<long[]> samples, long lastSeq) {
        h.append("<h2>Granules by state over time</h2>");
        GranuleState[] shown = {GranuleState.DELEGATED, GranuleState.RD, GranuleState.REC, GranuleState.REC_AUX,
            GranuleState.RTT, GranuleState.DATA};
        String[] colors = {"#999999", "#7b3fd5", "#d53f8c", "#e89ac0", "#d5a13f", "#2e9e44"};
        long max = 1;
        for (long[] s : samples) for (GranuleState g : shown) max = Math.max(max, s[g.ordinal() + 1]);
        int height = 220;
        int left = 50;
        double sx = (W - left - 10) / (double) Math.max(1, lastSeq);
        double sy = (height - 30) / (double) max;
        h.append("<p class=\"legend\">");
        for (int i = 0; i < shown.length; i++) {
            h.append("<span><i class=\"sw\" style=\"background:").append(colors[i]).append("\"></i>").append(shown[i]).append("</span>");
        }
        h.append("</p><svg width=\"").append(W).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"granules by state\">");
        h.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"12\">%d</text><text x=\"2\" y=\"%d\">0</text>", max, height - 20));
        for (int i = 0; i < shown.length; i++) {
            StringBuilder pts = new StringBuilder();
            for (long[] s : samples) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + s[0] * sx, height - 20 - s[shown[i].ordinal() + 1] * sy));
            }
            h.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colors[i]).append("\" points=\"").append(pts).append("\"/>");
        }
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">seq 0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">seq %d</text></svg>",
                left, height - 4, W - 10, height - 4, lastSeq));
    }

    private void bars(String title, Map<String, Long> counts, String color) {
        h.append("<h2>").append(esc(title)).append("</h2>");
        if (counts.isEmpty()) {
            h.append("<p>none</p>");
            return;
        }
        long max = 1;
        for (long c : counts.values()) max = Math.max(max, c);
        int rowH = 18;
        int left = 250;
        h.append("<svg width=\"").append(W).append("\" height=\"").append(counts.size() * rowH + 4).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\">");
        int i = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            double wd = (W - left - 80) * e.getValue() / (double) max;
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%d</text>",
                    left - 6, i * rowH + 13, esc(e.getKey()), left, i * rowH + 2, Math.max(1, wd), rowH - 4, color,
                    left + wd + 4, i * rowH + 13, e.getValue()));
            i++;
        }
        h.append("</svg>");
    }

    private void evidenceTable(List<TraceEvent> evidence) {
        if (evidence.isEmpty()) return;
        h.append("<h2>Evidence events</h2><table><tr><th>seq</th><th>kind</th><th>command / states</th><th>status / outcome</th><th>addresses</th></tr>");
        for (TraceEvent e : evidence) {
            String what = e.cmd() != null ? e.cmd() : (e.from() != null || e.to() != null ? e.from() + " -> " + e.to()
                    + (e.toRipas() != null ? " (" + e.fromRipas() + " -> " + e.toRipas() + ")" : "") : "");
            String result = e.status() != null ? e.status() : e.outcome() != null ? e.outcome() : e.exitReason() != null ? e.exitReason() : "";
            StringBuilder addr = new StringBuilder();
            if (e.realm() != TraceEvent.NULL) addr.append("realm ").append(hex(e.realm())).append(' ');
            if (e.rec() != TraceEvent.NULL) addr.append("rec ").append(hex(e.rec())).append(' ');
            if (e.ipa() != TraceEvent.NULL) addr.append("ipa ").append(hex(e.ipa())).append(' ');
            if (e.pa() != TraceEvent.NULL) addr.append("pa ").append(hex(e.pa())).append(' ');
            if (e.args() != null && e.args().length > 0) {
                addr.append("args");
                for (long x : e.args()) addr.append(' ').append(hex(x));
            }
            h.append("<tr id=\"e").append(e.seq()).append("\"><td>").append(e.seq()).append("</td><td>").append(e.kind())
                    .append("</td><td>").append(esc(what)).append("</td><td>").append(esc(result)).append("</td><td>")
                    .append(esc(addr.toString().trim())).append("</td></tr>");
        }
        h.append("</table>");
    }
}
