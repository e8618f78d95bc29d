package io.ccatrace.trace.jsonl;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A JSONL trace file: a first line {"metadata": {...}}, one event object per line (the dump
 * form), and a last line {"trailer": {...}} with the event count, complete flag and digest.
 * Readers accept a file without the first and last lines (a plain dump).
 */
public final class JsonlSink implements RowSink {
    private final JsonGenerator g;
    private TraceEvent held;

    public JsonlSink(Path path, TraceMetadata header) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), header);
    }

    public JsonlSink(OutputStream out, TraceMetadata header) throws IOException {
        g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
        writeMap("metadata", header);
    }

    /** Holds a copy of the row until its checkpoint (if any) is known: the next write or checkpoint. */
    @Override
    public void write(EventView e) throws IOException {
        if (held != null) JsonlCodec.write(g, held, null);
        held = e.toEvent();
    }

    @Override
    public void checkpoint(byte[] value) throws IOException {
        JsonlCodec.write(g, held, value);
        held = null;
    }

    @Override
    public void finish(TraceMetadata end) throws IOException {
        if (held != null) JsonlCodec.write(g, held, null);
        held = null;
        writeMap("trailer", end);
        g.writeRaw('\n');
        g.close();
    }

    private void writeMap(String name, TraceMetadata m) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : m.asMap().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
