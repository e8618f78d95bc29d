package io.ccatrace.trace.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;

/**
 * An optional BINARY leaf (payload, chain). With a dictionary (payload): each distinct value
 * is stored once per row group in the dictionary page and rows hold its id (a recording
 * reads and writes the same few pages again and again); once the distinct values pass
 * {@link #MAX_DICTIONARY_BYTES} the rest of the row group is PLAIN. Without one (chain) the
 * values go straight into the open page's buffer, PLAIN. The payload leaf counts its own rows
 * ({@link #add}: its pages may end early, {@link #pageFull}); the chain leaf's rows are the
 * sink's ({@link #set}: a checkpoint is known only after its row was written).
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
    /** Rows of the open page added by {@link #add}. */
    private int added;

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

    /** The next row's bytes or null (at most pageRows rows per page, the size of the arrays). */
    void add(byte[] b) {
        int r = added++;
        if (b == null) return;
        present[r >>> 6] |= 1L << r;
        if (plain) {
            values.binary(b);
        } else {
            ids[nids++] = dictionary.idOf(b);
        }
    }

    /** Rows added by {@link #add} to the open page. */
    int rows() {
        return added;
    }

    /** Row r's bytes, after every earlier row's (PLAIN leaves only; rows not set are null). */
    void set(int r, byte[] b) {
        setPresent(r);
        values.binary(b);
    }

    @Override
    Encoding values(PageBytes out) {
        if (nids > 0) {
            dictionaryIds(ids, nids, dictionary.size(), out);
            return Encoding.PLAIN_DICTIONARY;
        }
        out.bytes(values.array(), 0, values.size());
        return Encoding.PLAIN;
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
        added = 0;
        if (dictionary != null && dictionary.bytes() > maxDictionaryBytes) plain = true;
    }

    @Override
    void clearRowGroup() {
        if (dictionary == null) return;
        dictionary.clear();
        plain = false;
    }
}
