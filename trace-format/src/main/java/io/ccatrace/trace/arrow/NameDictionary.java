package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
    private final HashMap<String, Short> index = new HashMap<>();
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

    /** The index of a name, adding it when new. */
    short indexOf(String name) {
        if (name == lastName) return lastIndex;
        Short i = index.get(name);
        if (i == null) {
            int n = index.size();
            if (n >= MAX_NAMES) {
                throw new IllegalStateException("more than " + MAX_NAMES + " distinct " + column.columnName() + " names");
            }
            i = (short) n;
            index.put(name, i);
            names.setSafe(n, name.getBytes(StandardCharsets.UTF_8));
            names.setValueCount(n + 1);
        }
        lastName = name;
        lastIndex = i;
        return i;
    }

    @Override
    public void close() {
        names.close();
    }
}
