package io.ccatrace.trace.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.util.HexFormat;

/**
 * One event as one JSON object: the dump form of the script-format contract. Register and
 * address values are "0x..." lower-case hex strings; seq, time, cause_seq, cpu, index, level
 * and size are integers; bytes are plain lower-case hex. RSI_CALL writes its x0 (the value
 * column) as "ret". Readers accept integers or strings (hex with underscores, or decimal).
 */
public final class JsonlCodec {
    private static final Column[] COLUMNS = Column.values();
    private static final HexFormat HEX = HexFormat.of();

    private JsonlCodec() {
    }

    /** Writes one event object; checkpoint (chain value) is written when non-null. */
    public static void write(JsonGenerator g, TraceEvent e, byte[] checkpoint) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", e.seq());
        g.writeStringField("kind", e.kind().name());
        g.writeNumberField("time", e.time());
        g.writeBooleanField("input", e.isInput());
        for (int i = 4; i < COLUMNS.length - 1; i++) {
            writeColumn(g, e, COLUMNS[i]);
        }
        if (checkpoint != null) g.writeStringField("chain", HEX.formatHex(checkpoint));
        g.writeEndObject();
    }

    private static void writeColumn(JsonGenerator g, TraceEvent e, Column c) throws IOException {
        String name = c.fieldName(e.kind());
        switch (c.type()) {
            case LONG:
            case INT:
                long v = c.getLong(e);
                if (v == TraceEvent.NULL && c == Column.INDEX && e.kind() == EventKind.RMI_CALL) {
                    v = 0;
                }
                if (v == TraceEvent.NULL) return;
                if (c.hex()) {
                    g.writeStringField(name, hex(v));
                } else {
                    g.writeNumberField(name, v);
                }
                return;
            case NAME:
                String s = c.getName(e);
                if (s != null) g.writeStringField(name, s);
                return;
            case LONGS:
                long[] a = c.getLongs(e);
                if (a == null) return;
                g.writeArrayFieldStart(name);
                for (long x : a) g.writeString(hex(x));
                g.writeEndArray();
                return;
            default:
                byte[] b = e.payload();
                if (b != null) g.writeStringField(name, HEX.formatHex(b));
        }
    }

    /** Lower-case "0x" hex of an unsigned 64-bit value. */
    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** A decoded row: the event and its stored checkpoint (or null). */
    public record Row(TraceEvent event, byte[] checkpoint) {
    }

    /**
     * Reads the fields of one event object whose START_OBJECT was consumed and whose first
     * field name is current. Throws IllegalArgumentException with a short description of
     * what is wrong (the caller adds file and line).
     */
    public static Row read(JsonParser p) throws IOException {
        long seq = TraceEvent.NULL;
        EventKind kind = null;
        Object[] values = new Object[COLUMNS.length];
        byte[] checkpoint = null;
        for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) throw new IllegalArgumentException("expected a field name");
            String field = p.currentName();
            p.nextToken();
            if (p.currentToken() == JsonToken.VALUE_NULL) continue;
            if (field.equals("kind")) {
                kind = kind(p);
            } else if (field.equals("chain")) {
                checkpoint = bytes(p, field);
            } else if (field.equals("seq")) {
                seq = number(p, field);
            } else {
                Column c = Column.byName(field.equals("ret") ? "value" : field);
                if (c == null || c == Column.INPUT || c == Column.KIND || c == Column.CHAIN) {
                    p.skipChildren();
                } else {
                    values[c.ordinal()] = value(p, c);
                }
            }
        }
        if (seq == TraceEvent.NULL) throw new IllegalArgumentException("event without \"seq\"");
        if (seq < 0) throw new IllegalArgumentException("negative seq " + seq);
        if (kind == null) throw new IllegalArgumentException("event without \"kind\"");
        return new Row(build(seq, kind, values), checkpoint);
    }

    private static TraceEvent build(long seq, EventKind kind, Object[] values) {
        TraceEvent.Builder b = TraceEvent.builder(seq, kind);
        for (int i = 1; i < values.length; i++) {
            Object v = values[i];
            if (v == null) continue;
            Column c = COLUMNS[i];
            switch (c.type()) {
                case LONG:
                case INT:
                    c.setLong(b, (Long) v);
                    break;
                case NAME:
                    c.setName(b, (String) v);
                    break;
                case LONGS:
                    c.setLongs(b, (long[]) v);
                    break;
                default:
                    b.payload((byte[]) v);
            }
        }
        return b.build();
    }

    private static EventKind kind(JsonParser p) throws IOException {
        String k = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        try {
            return EventKind.valueOf(k);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown kind " + (k == null ? p.getText() : "\"" + k + "\""));
        }
    }

    private static Object value(JsonParser p, Column c) throws IOException {
        switch (c.type()) {
            case LONG:
                return number(p, c.columnName());
            case INT:
                long v = number(p, c.columnName());
                if (v < Integer.MIN_VALUE + 1L || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("\"" + c.columnName() + "\" out of range: " + v);
                }
                return v;
            case NAME:
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("\"" + c.columnName() + "\" must be a string");
                }
                return p.getText();
            case LONGS:
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("\"" + c.columnName() + "\" must be a list");
                }
                long[] buf = new long[8];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (n == buf.length) buf = java.util.Arrays.copyOf(buf, n * 2);
                    buf[n++] = number(p, c.columnName());
                }
                return java.util.Arrays.copyOf(buf, n);
            default:
                return bytes(p, c.columnName());
        }
    }

    private static byte[] bytes(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("\"" + field + "\" must be a hex string");
        }
        String s = p.getText();
        if (s.startsWith("0x")) s = s.substring(2);
        try {
            return HEX.parseHex(s.replace("_", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not hex bytes");
        }
    }

    /** A number: JSON integer, or a string in hex ("0x..", underscores allowed) or decimal. */
    static long number(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            java.math.BigInteger v = p.getBigIntegerValue();
            if (v.bitLength() > 64 || (v.signum() < 0 && v.bitLength() > 63)) {
                throw new IllegalArgumentException("\"" + field + "\" out of 64-bit range");
            }
            return v.longValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return parseNumber(p.getText(), field);
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a number");
    }

    static long parseNumber(String text, String field) {
        String s = text.replace("_", "").trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            if (s.startsWith("-")) return Long.parseLong(s);
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a number: \"" + text + "\"");
        }
    }
}
