package io.ccatrace.trace.parquet;

import io.ccatrace.trace.NameIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A name leaf (UTF8 string): dictionary-encoded per row group; PLAIN for the rest of the row
 * group once the dictionary holds {@link #MAX_DICTIONARY} names.
 */
final class NameLeaf extends Leaf {
    static final int MAX_DICTIONARY = 1 << 15;

    private final boolean optional;
    private final NameIds names = new NameIds();
    private final List<byte[]> utf8 = new ArrayList<>();
    private boolean plain;
    private int[] ids;
    private int nvals;

    NameLeaf(ColumnDescriptor d, int pageRows) {
        super(d, pageRows);
        this.ids = new int[pageRows];
        this.optional = d.getMaxDefinitionLevel() > 0;
    }

    /** A row: its name, or null (at most pageRows rows per page, the size of the arrays). */
    void add(String s) {
        rows++;
        if (s == null) {
            n++;
            return;
        }
        if (optional) setPresent(n);
        n++;
        int id = names.idOf(s);
        if (id == utf8.size()) utf8.add(s.getBytes(StandardCharsets.UTF_8));
        ids[nvals++] = id;
    }

    @Override
    Encoding values(PageBytes out) {
        if (nvals == 0) return Encoding.PLAIN;
        if (!plain && names.size() <= MAX_DICTIONARY) {
            int width = HybridEncoder.idWidth(Math.max(0, names.size() - 1));
            out.u8(width);
            HybridEncoder.encode(ids, nvals, width, out);
            return Encoding.PLAIN_DICTIONARY;
        }
        plain = true;
        for (int i = 0; i < nvals; i++) {
            byte[] b = utf8.get(ids[i]);
            out.binary(b);
        }
        return Encoding.PLAIN;
    }

    @Override
    Statistics<?> statistics(int nulls) {
        return Statistics.getBuilderForReading(descriptor.getPrimitiveType()).withNumNulls(nulls).build();
    }

    @Override
    DictionaryPage dictionary(Zstd z) {
        if (utf8.isEmpty()) return null;
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
