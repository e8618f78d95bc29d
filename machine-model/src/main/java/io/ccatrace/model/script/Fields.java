package io.ccatrace.model.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one JSON object of a script (an action, a params object, a guest
 * step) with the contract's value rules, remembering which fields were used so that a
 * misspelt field is reported instead of silently ignored. Every problem becomes a
 * {@link ScriptException} naming the line and the field.
 */
final class Fields {
    private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger S64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private final int line;
    private final String where;
    private final JsonNode node;
    private final Set<String> used = new TreeSet<>();

    Fields(int line, String where, JsonNode node) throws ScriptException {
        this.line = line;
        this.where = where;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw new ScriptException(line, where + ": expected a JSON object");
        }
    }

    int line() {
        return line;
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return node.has(key);
    }

    /** The field's value (marked used), or null when absent. */
    JsonNode optional(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    JsonNode required(String key) throws ScriptException {
        JsonNode v = optional(key);
        if (v == null) throw error("missing field '" + key + "'");
        return v;
    }

    long u64(String key) throws ScriptException {
        return u64(required(key), key);
    }

    long u64(String key, long dflt) throws ScriptException {
        JsonNode v = optional(key);
        return v == null ? dflt : u64(v, key);
    }

    /** An unsigned value that must lie in [min, max] (small counts and widths). */
    int intIn(String key, int dflt, int min, int max) throws ScriptException {
        JsonNode v = optional(key);
        if (v == null) return dflt;
        long x = u64(v, key);
        if (Long.compareUnsigned(x, min) < 0 || Long.compareUnsigned(x, max) > 0) {
            throw error(key + " must be between " + min + " and " + max + ", got "
                    + Long.toUnsignedString(x));
        }
        return (int) x;
    }

    String string(String key, String dflt) throws ScriptException {
        JsonNode v = optional(key);
        if (v == null) return dflt;
        if (!v.isTextual()) throw error(key + " must be a string, got " + v);
        return v.textValue();
    }

    boolean bool(String key, boolean dflt) throws ScriptException {
        JsonNode v = optional(key);
        if (v == null) return dflt;
        if (!v.isBoolean()) throw error(key + " must be true or false, got " + v);
        return v.booleanValue();
    }

    /** A list field whose elements are numbers (args, gprs, aux, ...). */
    long[] u64List(String key, int maxLength) throws ScriptException {
        JsonNode v = required(key);
        return u64List(v, key, maxLength);
    }

    long[] u64List(JsonNode v, String key, int maxLength) throws ScriptException {
        if (!v.isArray()) throw error(key + " must be a list, got " + v);
        if (v.size() > maxLength) {
            throw error(key + " has " + v.size() + " values, at most " + maxLength + " allowed");
        }
        long[] out = new long[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = u64(v.get(i), key + "[" + i + "]");
        return out;
    }

    /** Rejects any field that was not read: a typo must not pass as "omitted". */
    void noOthers() throws ScriptException {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!used.contains(k)) unknown.add(k);
        }
        if (!unknown.isEmpty()) {
            throw error("unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList()));
        }
    }

    ScriptException error(String problem) {
        return new ScriptException(line, where + ": " + problem);
    }

    /**
     * A script number: a JSON integer, or a string holding "0x"-prefixed hex or decimal,
     * underscores allowed anywhere after the prefix (at least one digit). Unsigned 64-bit;
     * anything else is malformed.
     */
    long u64(JsonNode v, String what) throws ScriptException {
        BigInteger x;
        if (v.isIntegralNumber()) {
            x = v.bigIntegerValue();
        } else if (v.isTextual()) {
            x = parseNumber(v.textValue());
            if (x == null) throw error(what + ": malformed number \"" + v.textValue() + "\"");
        } else {
            throw error(what + ": expected a number, got " + v);
        }
        if (x.signum() < 0) {
            throw error(what + ": negative value " + x + " (values are unsigned 64-bit)");
        }
        if (x.compareTo(U64_LIMIT) >= 0) {
            throw error(what + ": value " + shown(x) + " does not fit in 64 bits");
        }
        return x.longValue();
    }

    /**
     * A value of a field the spec types as signed 64-bit (RealmParams.rtt_level_start): any
     * unsigned 64-bit script number, or a negative JSON integer or decimal string down to
     * -2^63, stored as its two's complement (-1 and "0xffff_ffff_ffff_ffff" are the same).
     */
    long s64(JsonNode v, String what) throws ScriptException {
        String text = v.isTextual() ? v.textValue() : null;
        if (text != null && text.startsWith("-")) {
            BigInteger x = parseNumber(text.substring(1));
            if (x == null || text.startsWith("-0x") || text.startsWith("-0X")) {
                throw error(what + ": malformed number \"" + text + "\"");
            }
            return signed(x.negate(), what);
        }
        if (v.isIntegralNumber() && v.bigIntegerValue().signum() < 0) {
            return signed(v.bigIntegerValue(), what);
        }
        return u64(v, what);
    }

    private long signed(BigInteger x, String what) throws ScriptException {
        if (x.compareTo(S64_MIN) < 0) {
            throw error(what + ": value " + shown(x) + " is below -2^63");
        }
        return x.longValue();
    }

    /** A value for an error line: in full up to 40 digits, else its first 20 and its length. */
    private static String shown(BigInteger x) {
        String s = x.toString();
        int digits = s.length() - (x.signum() < 0 ? 1 : 0);
        return digits <= 40 ? s : s.substring(0, 20) + "... (" + digits + " digits)";
    }

    /** Parses hex ("0x8800_0000") or decimal ("4096") text; null when malformed. */
    static BigInteger parseNumber(String s) {
        String t = s;
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
            radix = 16;
        }
        t = t.replace("_", "");   // the contract: "underscores allowed", wherever they stand
        if (t.isEmpty()) return null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) return null;
        }
        return new BigInteger(t, radix);
    }
}
