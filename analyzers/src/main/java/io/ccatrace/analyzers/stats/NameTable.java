package io.ccatrace.analyzers.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Interns names (commands, statuses, states) to small ints for counting in arrays. */
final class NameTable {
    private final HashMap<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int id(String name) {
        if (name == null) return -1;
        Integer i = ids.get(name);
        if (i != null) return i;
        ids.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** The same names under the same ids. */
    NameTable copy() {
        NameTable o = new NameTable();
        for (String n : names) o.id(n);
        return o;
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }

    /** Maps a batch dictionary to global ids. */
    int[] map(String[] dictionary, int[] reuse) {
        int[] out = reuse != null && reuse.length >= dictionary.length ? reuse : new int[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) out[i] = id(dictionary[i]);
        return out;
    }
}
