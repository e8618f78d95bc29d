package io.ccatrace.analyzers.engine;

import java.util.function.Function;

/**
 * A name column's parse, remembered per String object in a small direct-mapped table
 * indexed by the name's (cached) hash. A cursor gives one String object per distinct name
 * (docs/trace-format.md), and the rows of one kind alternate between a few names (REC_STATE
 * RUNNING / READY, REC_ENTER and the other commands), so a seen name costs a hash load and
 * a reference compare, and the parse (a string switch behind a call site shared by every
 * name column) runs once per name and table slot. Any other String (rows built elsewhere)
 * misses and is parsed as usual, so the value is always the parse of the name.
 */
final class NameCache<T> {
    private static final int SLOTS = 64;
    private final Function<String, T> parse;
    private final T ofNull;
    private final String[] names = new String[SLOTS];
    private final Object[] values = new Object[SLOTS];

    NameCache(Function<String, T> parse) {
        this.parse = parse;
        this.ofNull = parse.apply(null);
    }

    @SuppressWarnings("unchecked")
    T of(String name) {
        if (name == null) return ofNull;
        int h = name.hashCode();
        int i = (h ^ (h >>> 7) ^ (h >>> 16)) & (SLOTS - 1);
        if (names[i] != name) {
            values[i] = parse.apply(name);
            names[i] = name;
        }
        return (T) values[i];
    }
}
