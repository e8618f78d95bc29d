package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.NameIds;
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
    private final NameIds ids = new NameIds();

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

    /** The index of a name, adding it (and re-sending the dictionary) when new. */
    short indexOf(String name) {
        int n = ids.size();
        int i = ids.idOf(name);
        if (i == n) {
            if (n >= MAX_NAMES) {
                throw new IllegalStateException("more than " + MAX_NAMES + " distinct " + column.columnName() + " names");
            }
            names.setSafe(n, name.getBytes(StandardCharsets.UTF_8));
            names.setValueCount(n + 1);
        }
        return (short) i;
    }

    /** Names so far (it only grows). */
    int size() {
        return ids.size();
    }

    /** The index of a name, or -1 when it has none yet (nothing is added). */
    short knownIndex(String name) {
        return (short) ids.knownId(name);
    }

    @Override
    public void close() {
        names.close();
    }
}
