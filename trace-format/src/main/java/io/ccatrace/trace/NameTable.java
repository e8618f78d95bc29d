package io.ccatrace.trace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The growing dictionary of one name column for a whole reader: each distinct name gets the
 * next id and keeps it, and is stored interned, so equal names are one String object.
 */
public final class NameTable {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[8];
    private int size;
    private String[] snapshot = new String[0];

    /** The id of a name, adding it when new. */
    public int id(String name) {
        Integer i = ids.get(name);
        if (i != null) return i;
        if (size == names.length) names = Arrays.copyOf(names, size * 2);
        names[size] = name.intern();
        ids.put(names[size], size);
        return size++;
    }

    /** The names by id (an array of exactly the current size; a new one after growth). */
    public String[] names() {
        if (snapshot.length != size) snapshot = Arrays.copyOf(names, size);
        return snapshot;
    }

    public int size() {
        return size;
    }
}
