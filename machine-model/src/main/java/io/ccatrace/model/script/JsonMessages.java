package io.ccatrace.model.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * The words of a JSON syntax error for a script line, without what only a Java programmer
 * could act on: the parser's class and feature names ("bound as `...JsonNode`", "enable
 * `JsonReadFeature...` to allow", "from `StreamReadConstraints...`") and its redacted
 * source location. The line number is the script's own.
 */
final class JsonMessages {
    private static final Pattern JAVA_NAMES = Pattern.compile(
            " \\(bound as `[^`]*`\\)"            // Trailing token ... (bound as `...JsonNode`)
            + "|:? ?not allowed as per `[^`]*`"   // ...: not allowed as per `DeserializationFeature...`
            + "|:? ?enable `[^`]*` to allow"      // ...: enable `JsonReadFeature...` to allow
            + "|, from `[^`]*`"                   // (1000, from `StreamReadConstraints...`)
            + "| \\([^()\\[]*\\[Source:.*?\\]\\)"   // (start marker at [Source: REDACTED ...; line: 1, column: 5])
            + "|,? ?(at )?\\[Source:.*?\\]");      // any other location

    private JsonMessages() {
    }

    static String plain(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Trailing token")) {
            return "more than one JSON value on the line (a script line holds one object)";
        }
        return JAVA_NAMES.matcher(m).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
