package io.ccatrace.replay.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ccatrace.model.rmi.ModelDifferences.Difference;
import io.ccatrace.replay.ReplayResult;
import io.ccatrace.replay.divergence.Describe;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The replay report as one JSON object, written as the replay goes (divergences stream
 * out; nothing accumulates): {"trace", "divergences": [...], "summary": {...}}.
 */
public final class DivergenceJson implements AutoCloseable {
    private final JsonGenerator g;
    private final String trace;
    private final String rmm;
    private String expectedModel;
    private String actualModel;
    private KnownDifferences known = new KnownDifferences(null, null);

    public DivergenceJson(Writer out, String trace, String rmm) {
        this.trace = trace;
        this.rmm = rmm;
        try {
            g = new JsonFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("trace", trace);
            g.writeArrayFieldStart("divergences");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The models whose outcomes are compared (expected: the recording's), so registers with fields are decoded in each one's layout. */
    public DivergenceJson models(String expected, String actual) {
        this.expectedModel = expected;
        this.actualModel = actual;
        this.known = new KnownDifferences(expected, actual);
        return this;
    }

    public void divergence(Divergence d) {
        try {
            g.writeStartObject();
            g.writeNumberField("seq", d.seq());
            g.writeStringField("command", d.command());
            g.writeStringField("input", Describe.input(d.input()));
            g.writeStringField("field", d.field());
            g.writeStringField("expected", d.expected());
            g.writeStringField("actual", d.actual());
            if (d.at() != null) g.writeNumberField("at_seq", d.at().seq());
            fields(RegisterFields.of(d, expectedModel, actualModel));
            List<Difference> at = known.at(d);
            knownDifferences(at);
            known.count(d, at);
            rows("missing", d.missing());
            rows("extra", d.extra());
            g.writeStringField("reproduce", Reproduce.replay(trace, rmm, d));
            g.writeStringField("state", Reproduce.state(trace, d));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "fields": the decoded register (RegisterFields), when the divergent register has fields. */
    private void fields(RegisterFields f) throws IOException {
        if (f == null) return;
        g.writeObjectFieldStart("fields");
        g.writeStringField("register", f.register());
        g.writeStringField("expected_layout", f.expectedLayout().name());
        g.writeStringField("actual_layout", f.actualLayout().name());
        g.writeBooleanField("same_values", f.sameValues());
        g.writeArrayFieldStart("changes");
        for (RegisterFields.Change c : f.changes()) {
            g.writeStartObject();
            g.writeStringField("field", c.field());
            if (c.expected() == null) g.writeNullField("expected"); else g.writeNumberField("expected", c.expected());
            if (c.actual() == null) g.writeNullField("actual"); else g.writeNumberField("actual", c.actual());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** "known": the documented differences between the models the divergence is at (KnownDifferences). */
    private void knownDifferences(List<Difference> at) throws IOException {
        if (at.isEmpty()) return;
        g.writeArrayFieldStart("known");
        for (Difference x : at) {
            g.writeStartObject();
            g.writeStringField("id", x.id());
            g.writeStringField("model", x.model());
            g.writeStringField("what", x.what());
            g.writeStringField("reference", x.reference());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void rows(String name, java.util.List<TraceEvent> rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (TraceEvent e : rows) g.writeString(Describe.effect(e));
        g.writeEndArray();
    }

    /** Ends the divergence list with the summary and closes the object. */
    public void summary(ReplayResult r) {
        try {
            g.writeEndArray();
            g.writeStringField("recorded_model", r.recordedModel());
            g.writeStringField("replay_model", r.replayModel());
            g.writeNumberField("events", r.rows());
            g.writeNumberField("inputs", r.inputs());
            g.writeNumberField("last_seq", r.lastSeq());
            if (r.stoppedEarly() != null) g.writeStringField("stopped_early", r.stoppedEarly());
            if (r.unjudged() > 0) {
                g.writeNumberField("unjudged_effects", r.unjudged());
                g.writeNumberField("cut_seq", r.cutSeq());
            }
            g.writeNumberField("total", r.summary().total());
            if (known.any()) g.writeNumberField("known_total", known.knownTotal());
            g.writeObjectFieldStart("summary");
            for (Map.Entry<String, Map<String, Long>> c : r.summary().byCommand().entrySet()) {
                g.writeObjectFieldStart(c.getKey());
                for (Map.Entry<String, Long> f : c.getValue().entrySet()) {
                    g.writeNumberField(f.getKey(), f.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends the object on bad input met part-way (a row replay cannot feed, a damaged file):
     * the divergences written so far, then "error" with the line the command prints on
     * stderr, so that --json output is one valid JSON object whatever happens.
     */
    public void failed(String line) {
        try {
            g.writeEndArray();
            g.writeStringField("error", line);
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole --json output of a replay that failed before it started: {"trace", "error"} (trace null: left out). */
    public static void failure(Writer out, String trace, String line) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            if (trace != null) g.writeStringField("trace", trace);
            g.writeStringField("error", line);
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
