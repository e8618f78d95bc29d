package io.ccatrace.analyzers.engine;

import java.util.function.Function;

/**
 * A name column's parse, remembered for the last String object seen. A cursor gives one
 * String object per distinct name (docs/trace-format.md), and consecutive rows of a kind
 * mostly repeat their names, so a repeat costs one reference compare instead of a string
 * switch. Any other String (rows built elsewhere) is parsed as usual.
 */
final class LastName<T> {
    private final Function<String, T> parse;
    private String last;
    private T value;

    LastName(Function<String, T> parse) {
        this.parse = parse;
        this.value = parse.apply(null);
    }

    T of(String name) {
        if (name != last) {
            value = parse.apply(name);
            last = name;
        }
        return value;
    }
}
