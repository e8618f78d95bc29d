package io.ccatrace.trace.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.ccatrace.trace.RowConstraints;
import io.ccatrace.trace.RowSource;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/** Reads a JSONL trace or a plain dump (see {@link JsonlSink}), one object at a time. */
public final class JsonlSource implements RowSource {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(64 << 20).maxNestingDepth(16).maxNumberLength(100).build())
            .build();

    private final String file;
    private final JsonParser p;
    private final RowConstraints constraints;
    private TraceMetadata header = TraceMetadata.empty();
    private TraceMetadata trailer = TraceMetadata.empty();
    private boolean hasHeader;
    private byte[] checkpoint;
    private JsonlCodec.Row lookahead;
    private long lastSeq = Long.MIN_VALUE;
    private boolean torn;
    /** The line the row being read starts on (where an error in it is reported when the file ends inside it). */
    private int rowLine = 1;
    /** Its first byte's offset (-1: unknown). */
    private long rowStart = -1;
    /** The file, when read from one (null: a stream). */
    private final Path path;

    public JsonlSource(Path path) throws IOException {
        this(path, null);
    }

    /** Refuses the first row that breaks constraints (null: none), naming its line. */
    public JsonlSource(Path path, RowConstraints constraints) throws IOException {
        this(path.toString(), new BufferedInputStream(Files.newInputStream(nonEmpty(path)), 1 << 16), constraints, path);
    }

    /** An empty file is no trace and no dump (as for the other formats: "empty file"). */
    private static Path nonEmpty(Path path) throws IOException {
        if (Files.size(path) == 0) throw new TraceFormatException(path + ": empty file (no metadata line, no events)");
        return path;
    }

    public JsonlSource(String file, InputStream in) throws IOException {
        this(file, in, null, null);
    }

    private JsonlSource(String file, InputStream in, RowConstraints constraints, Path path) throws IOException {
        this.file = file;
        this.path = path;
        this.constraints = constraints;
        this.p = FACTORY.createParser(in);
        lookahead = readRow();
    }

    @Override
    public TraceMetadata header() {
        return header;
    }

    @Override
    public boolean hasChain() {
        return hasHeader;
    }

    @Override
    public TraceEvent next() throws IOException {
        JsonlCodec.Row r = lookahead;
        if (r == null) return null;
        lookahead = readRow();
        checkpoint = r.checkpoint();
        return r.event();
    }

    @Override
    public byte[] checkpoint() {
        return checkpoint;
    }

    @Override
    public boolean complete() {
        return !torn && (!hasHeader || trailer.get(TraceMetadata.COMPLETE) != null);
    }

    @Override
    public TraceMetadata trailer() {
        return trailer;
    }

    @Override
    public void close() throws IOException {
        p.close();
    }

    /** The next event row; consumes metadata and trailer lines on the way. */
    private JsonlCodec.Row readRow() throws IOException {
        try {
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) return null;
                rowLine = p.currentTokenLocation().getLineNr();
                rowStart = p.currentTokenLocation().getByteOffset();
                if (t != JsonToken.START_OBJECT) throw fail("expected a JSON object per line");
                t = p.nextToken();
                if (t == JsonToken.END_OBJECT) throw fail("empty object");
                String first = p.currentName();
                if ("metadata".equals(first) || "trailer".equals(first)) {
                    readMap(first);
                    continue;
                }
                if (trailer.asMap().size() > 0) throw fail("event after the trailer line");
                JsonlCodec.Row r = JsonlCodec.read(p);
                long seq = r.event().seq();
                if (seq <= lastSeq) throw fail("seq " + seq + " does not increase (after " + lastSeq + ")");
                lastSeq = seq;
                String bad = constraints == null ? null : constraints.violation(r.event());
                if (bad != null) throw fail(bad);
                return r;
            }
        } catch (JsonProcessingException e) {
            String message = plain(e.getOriginalMessage());
            boolean ended = e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                    || message.startsWith("Unexpected end-of-input") || lastLineCutShort();
            if (!ended) throw fail("not JSON: " + message);
            if (!hasHeader || trailer.asMap().size() > 0) {
                throw failAt(rowLine, "not JSON: the file ends inside this line's object (" + message + ")");
            }
            // a JSONL trace file whose last line was cut short (a recording killed while it
            // wrote): the lines before it are the readable part of an unfinished recording
            torn = true;
            return null;
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private void readMap(String which) throws IOException {
        p.nextToken();
        if (p.currentToken() != JsonToken.START_OBJECT) throw fail("\"" + which + "\" must be an object");
        TreeMap<String, String> m = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) throw fail("\"" + which + "." + k + "\" must be a string");
            m.put(k, p.getText());
        }
        if (p.nextToken() != JsonToken.END_OBJECT) throw fail("\"" + which + "\" line has extra fields");
        if (which.equals("metadata")) {
            if (hasHeader || lastSeq != Long.MIN_VALUE) throw fail("metadata line must come first");
            hasHeader = true;
            header = new TraceMetadata(m);
        } else {
            trailer = new TraceMetadata(m);
        }
    }

    private TraceFormatException fail(String what) {
        return failAt(p.currentLocation().getLineNr(), what);
    }

    private TraceFormatException failAt(int line, String what) {
        return new TraceFormatException(file + ": line " + line + ": " + what);
    }

    /**
     * Whether the row being read is the file's last line and has no line end: cut short, as
     * when a recording is killed while it writes (the parser may then report a cut value,
     * e.g. "fa" of false, as an unknown token rather than the end of the input).
     */
    private boolean lastLineCutShort() {
        if (path == null || rowStart < 0) return false;
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(path)) {
            ch.position(rowStart);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
            while (ch.read(buf) > 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    if (buf.get() == '\n') return false;
                }
                buf.clear();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The parser's message without the location it appends ("(start marker at [Source: ...])"): the line is named already. */
    static String plain(String message) {
        if (message == null) return "";
        int at = message.indexOf(" (start marker at [Source:");
        return at < 0 ? message : message.substring(0, at);
    }
}
