package io.ccatrace.analyzers.engine;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventView;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A name column's parse, remembered per String object in a small direct-mapped table
 * indexed by the name's (cached) hash. A cursor gives one String object per distinct name
 * (docs/trace-format.md), and the rows of one kind alternate between a few names (REC_STATE
 * RUNNING / READY, REC_ENTER and the other commands), so a seen name costs a hash load and
 * a reference compare, and the parse (a string switch behind a call site shared by every
 * name column) runs once per name and table slot. Any other String (rows built elsewhere)
 * misses and is parsed as usual, so the value is always the parse of the name.
 *
 * <p>A view that keeps a dictionary ({@link EventView#nameId}) is decoded by id instead: the
 * parse is remembered per id together with the dictionary's String object for it, so a row
 * costs an id load and a reference compare and no String object is touched.
 */
final class NameCache<T> {
    private static final int SLOTS = 64;
    private final Function<String, T> parse;
    private final T ofNull;
    private final String[] names = new String[SLOTS];
    private final Object[] values = new Object[SLOTS];
    private String[] idNames = new String[16];
    private Object[] idValues = new Object[16];

    NameCache(Function<String, T> parse) {
        this.parse = parse;
        this.ofNull = parse.apply(null);
    }

    /** The parse of the row's name in column c (by dictionary id when the view has one). */
    T of(EventView e, Column c) {
        int id = e.nameId(c);
        if (id == EventView.NO_NAME_ID) return of(name(e, c));
        if (id < 0) return ofNull;
        return of(id, e.nameDictionary(c));
    }

    /** {@link #of(EventView, Column)} with the row's id and dictionary for c already read by the caller (dictionary: any when id < 0). */
    T of(EventView e, Column c, int id, String[] dictionary) {
        if (id == EventView.NO_NAME_ID) return of(name(e, c));
        if (id < 0) return ofNull;
        return of(id, dictionary);
    }

    @SuppressWarnings("unchecked")
    private T of(int id, String[] dictionary) {
        if (id >= idNames.length) {
            int n = Math.max(id + 1, idNames.length * 2);
            idNames = Arrays.copyOf(idNames, n);
            idValues = Arrays.copyOf(idValues, n);
        }
        String name = dictionary[id];
        if (idNames[id] != name) {
            idValues[id] = parse.apply(name);
            idNames[id] = name;
        }
        return (T) idValues[id];
    }

    /** The String accessor of a name column the engine decodes. */
    private static String name(EventView e, Column c) {
        switch (c) {
            case CMD: return e.cmd();
            case STATUS: return e.status();
            case TO: return e.to();
            case TO_RIPAS: return e.toRipas();
            case EXIT_REASON: return e.exitReason();
            case OUTCOME: return e.outcome();
            default: throw new IllegalArgumentException("not a name column the engine decodes: " + c);
        }
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
