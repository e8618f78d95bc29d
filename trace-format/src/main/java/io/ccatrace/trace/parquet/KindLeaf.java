package io.ccatrace.trace.parquet;

import io.ccatrace.trace.EventKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;

/**
 * The required kind leaf (UTF8 name of the {@link EventKind}): dictionary-encoded per row group,
 * ids in first-seen order, looked up by the kind's ordinal. Rows are numbered by the caller.
 */
final class KindLeaf extends Leaf {
    private static final EventKind[] KINDS = EventKind.values();

    /** Dictionary id of each kind ordinal in this row group, -1 when not seen yet. */
    private final int[] idOf = new int[KINDS.length];
    /** Kinds in id order. */
    private final EventKind[] byId = new EventKind[KINDS.length];
    private int size;
    private final int[] ids;

    KindLeaf(ColumnDescriptor d, int pageRows) {
        super(d, pageRows);
        this.ids = new int[pageRows];
        Arrays.fill(idOf, -1);
    }

    /** Row r's kind. */
    void set(int r, EventKind k) {
        int id = idOf[k.ordinal()];
        ids[r] = id >= 0 ? id : add(k);
    }

    private int add(EventKind k) {
        idOf[k.ordinal()] = size;
        byId[size] = k;
        return size++;
    }

    @Override
    Encoding values(PageBytes out) {
        dictionaryIds(ids, rows, size, out);
        return Encoding.PLAIN_DICTIONARY;
    }

    @Override
    DictionaryPage dictionary(Zstd z) {
        if (size == 0) return null;
        PageBytes p = new PageBytes();
        for (int i = 0; i < size; i++) p.binary(byId[i].name().getBytes(StandardCharsets.UTF_8));
        return dictionaryPage(z, p, size);
    }

    @Override
    void clearPage() {
    }

    @Override
    void clearRowGroup() {
        Arrays.fill(idOf, -1);
        size = 0;
    }
}
