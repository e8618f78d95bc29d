package io.ccatrace.trace.parquet;

import io.ccatrace.trace.NameIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;

/**
 * An optional name leaf (UTF8 string): dictionary-encoded per row group; PLAIN for the rest of
 * the row group once the dictionary holds {@link #MAX_DICTIONARY} names. Rows are numbered by
 * the caller: the row in the row group (pages may span several of the sink's pages, {@link #spans}).
 */
final class NameLeaf extends Leaf {
    static final int MAX_DICTIONARY = 1 << 15;

    private final NameIds names = new NameIds();
    /** UTF-8 bytes of the names of ids 0.. (filled when a page or the dictionary is written). */
    private final List<byte[]> utf8 = new ArrayList<>();
    private boolean plain;
    private int[] ids;
    private int nvals;

    /** @param groupRows rows of a row group: the most rows of one page (this leaf {@link #spans}) */
    NameLeaf(ColumnDescriptor d, int pageRows, int groupRows) {
        super(d, groupRows);
        this.ids = new int[pageRows];
    }

    @Override
    boolean spans() {
        return true;
    }

    @Override
    boolean keepOpen(int pageRows) {
        if (nvals >= pageRows) return false;
        if (ids.length < nvals + pageRows) ids = java.util.Arrays.copyOf(ids, nvals + pageRows);
        return true;
    }

    /** Row r: its name, or null. */
    void add(int r, String s) {
        if (s != null) {
            present[r >>> 6] |= 1L << r;
            ids[nvals++] = names.idOf(s);
        }
    }

    private void encodeNames() {
        for (int i = utf8.size(); i < names.size(); i++) utf8.add(names.name(i).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    Encoding values(PageBytes out) {
        if (nvals == 0) return Encoding.PLAIN;
        if (!plain && names.size() <= MAX_DICTIONARY) {
            dictionaryIds(ids, nvals, names.size(), out);
            return Encoding.PLAIN_DICTIONARY;
        }
        plain = true;
        encodeNames();
        for (int i = 0; i < nvals; i++) out.binary(utf8.get(ids[i]));
        return Encoding.PLAIN;
    }

    @Override
    DictionaryPage dictionary(Zstd z) {
        if (names.size() == 0) return null;
        encodeNames();
        PageBytes p = new PageBytes();
        for (byte[] b : utf8) p.binary(b);
        return dictionaryPage(z, p, utf8.size());
    }

    @Override
    void clearPage() {
        nvals = 0;
    }

    @Override
    void clearRowGroup() {
        names.clear();
        utf8.clear();
        plain = false;
    }
}
