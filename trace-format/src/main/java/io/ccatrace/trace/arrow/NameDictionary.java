package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;

/**
 * Writer side of one name column's dictionary: assigns indices in first-seen order (so the
 * same trace always gets the same dictionary) and keeps the utf8 dictionary vector. The
 * stream writer re-sends the dictionary (a replacement) when a batch added names.
 */
final class NameDictionary implements AutoCloseable {
    static final int MAX_NAMES = Short.MAX_VALUE;

    private final Column column;
    private final VarCharVector names;
    private final Dictionary dictionary;
    /** Open addressing by String.hashCode (cached in the String): names and their indices. */
    private String[] keys = new String[64];
    private short[] ids = new short[64];
    private int size;
    private String lastName;
    private short lastIndex;

    NameDictionary(Column column, BufferAllocator allocator) {
        this.column = column;
        this.names = (VarCharVector) ArrowSchema.dictionaryField(column).createVector(allocator);
        names.allocateNew();
        names.setValueCount(0);
        this.dictionary = new Dictionary(names, ArrowSchema.encoding(column));
    }

    Dictionary dictionary() {
        return dictionary;
    }

    /** The index of a name, adding it when new (the same String object is found first try). */
    short indexOf(String name) {
        if (name == lastName) return lastIndex;
        short i = find(name);
        lastName = name;
        lastIndex = i;
        return i;
    }

    private short find(String name) {
        int mask = keys.length - 1;
        int h = name.hashCode();
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == name) return ids[i];
            if (k == null) return add(name, i);
            if (k.hashCode() == h && k.equals(name)) return ids[i];
        }
    }

    private short add(String name, int slot) {
        int n = size;
        if (n >= MAX_NAMES) {
            throw new IllegalStateException("more than " + MAX_NAMES + " distinct " + column.columnName() + " names");
        }
        keys[slot] = name;
        ids[slot] = (short) n;
        size = n + 1;
        names.setSafe(n, name.getBytes(StandardCharsets.UTF_8));
        names.setValueCount(n + 1);
        if (2 * size > keys.length) grow();
        return (short) n;
    }

    private void grow() {
        String[] oldKeys = keys;
        short[] oldIds = ids;
        keys = new String[2 * oldKeys.length];
        ids = new short[keys.length];
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

    @Override
    public void close() {
        names.close();
    }
}
