package io.ccatrace.trace.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;

/**
 * An optional BINARY leaf (payload, chain). With a dictionary (payload): each distinct value
 * is stored once per row group in the dictionary page and rows hold its id (a recording
 * reads and writes the same few pages again and again); once the distinct values pass
 * {@link #MAX_DICTIONARY_BYTES} the rest of the row group is PLAIN. Without one (chain) the
 * values go straight into the open page's buffer, PLAIN. {@link #setLast} fills the value of
 * the row added last (the chain checkpoint, known only after its row).
 */
final class BytesLeaf extends Leaf {
    /** Distinct bytes kept per row group before falling back to PLAIN (bounds reader memory). */
    static final long MAX_DICTIONARY_BYTES = 16L << 20;
    /** A PLAIN page is ended early past this many bytes of values (bounds reader memory). */
    static final int PLAIN_PAGE_BYTES = 4 << 20;

    private final PageBytes values = new PageBytes();
    private final BytesIds dictionary;
    private final long maxDictionaryBytes;
    private boolean plain;
    private int[] ids;
    private int nids;

    /** @param dictionary whether values are dictionary-encoded (up to maxDictionaryBytes per row group) */
    BytesLeaf(ColumnDescriptor d, int pageRows, boolean dictionary, long maxDictionaryBytes) {
        super(d, pageRows);
        this.dictionary = dictionary ? new BytesIds() : null;
        this.plain = !dictionary;
        this.ids = new int[dictionary ? pageRows : 0];
        this.maxDictionaryBytes = maxDictionaryBytes;
    }

    /** Whether the open page must end before the next row (its reader memory bound is reached). */
    boolean pageFull() {
        return plain ? values.size() > PLAIN_PAGE_BYTES : dictionary.bytes() > maxDictionaryBytes;
    }

    /** A row's bytes or null (at most pageRows rows per page, the size of the arrays). */
    void add(byte[] b) {
        rows++;
        if (b == null) {
            n++;
            return;
        }
        setPresent(n++);
        if (plain) {
            values.binary(b);
        } else {
            ids[nids++] = dictionary.idOf(b);
        }
    }

    /** The value of the row added last (which was added as null; PLAIN leaves only). */
    void setLast(byte[] b) {
        setPresent(n - 1);
        values.binary(b);
    }

    @Override
    Encoding values(PageBytes out) {
        if (nids > 0) {
            int width = HybridEncoder.idWidth(Math.max(0, dictionary.size() - 1));
            out.u8(width);
            HybridEncoder.encode(ids, nids, width, out);
            return Encoding.PLAIN_DICTIONARY;
        }
        out.bytes(values.array(), 0, values.size());
        return Encoding.PLAIN;
    }

    @Override
    Statistics<?> statistics(int nulls) {
        return Statistics.getBuilderForReading(descriptor.getPrimitiveType()).withNumNulls(nulls).build();
    }

    @Override
    DictionaryPage dictionary(Zstd z) throws IOException {
        if (dictionary == null || dictionary.size() == 0) return null;
        PageBytes p = new PageBytes();
        for (int i = 0; i < dictionary.size(); i++) p.binary(dictionary.value(i));
        return dictionaryPage(z, p, dictionary.size());
    }

    @Override
    void clearPage() {
        values.clear();
        nids = 0;
        if (dictionary != null && dictionary.bytes() > maxDictionaryBytes) plain = true;
    }

    @Override
    void clearRowGroup() {
        if (dictionary == null) return;
        dictionary.clear();
        plain = false;
    }
}
