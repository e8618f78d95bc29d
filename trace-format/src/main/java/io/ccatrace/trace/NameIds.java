package io.ccatrace.trace;

import java.util.Arrays;

/**
 * Ids of names in first-seen order, for the writers' name dictionaries: open addressing by
 * {@code String.hashCode()} (cached in the String), the same String object found by identity
 * first, and the last name remembered (rows often repeat it).
 */
public final class NameIds {
    private String[] keys = new String[64];
    private int[] ids = new int[64];
    private String[] names = new String[32];
    private int size;
    private String lastName;
    private int lastId;

    /** The id of a name, adding it when new. */
    public int idOf(String name) {
        if (name == lastName) return lastId;
        int id = find(name);
        lastName = name;
        lastId = id;
        return id;
    }

    /** The id of a name, or -1 when it has none yet (nothing is added). */
    public int knownId(String name) {
        if (name == lastName) return lastId;
        int i = slot(name);
        if (keys[i] == null) return -1;
        lastName = name;
        lastId = ids[i];
        return lastId;
    }

    private int find(String name) {
        int i = slot(name);
        return keys[i] == null ? add(name, i) : ids[i];
    }

    /** The name's slot, or the empty slot where it would go. */
    private int slot(String name) {
        int mask = keys.length - 1;
        int h = name.hashCode();
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == name || k == null || k.hashCode() == h && k.equals(name)) return i;
        }
    }

    private int add(String name, int slot) {
        int n = size;
        keys[slot] = name;
        ids[slot] = n;
        if (n == names.length) names = Arrays.copyOf(names, 2 * n);
        names[n] = name;
        size = n + 1;
        if (2 * size > keys.length) grow();
        return n;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[2 * oldKeys.length];
        ids = new int[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            String k = oldKeys[j];
            if (k == null) continue;
            int h = k.hashCode();
            int i = (h ^ (h >>> 16)) & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = k;
            ids[i] = oldIds[j];
        }
    }

    /** Number of names. */
    public int size() {
        return size;
    }

    /** The name of an id. */
    public String name(int id) {
        return names[id];
    }

    /** Forgets every name. */
    public void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(names, 0, size, null);
        size = 0;
        lastName = null;
    }
}
