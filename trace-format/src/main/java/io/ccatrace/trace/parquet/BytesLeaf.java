package io.ccatrace.trace.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;

/**
 * An optional BINARY leaf (payload, chain), PLAIN-encoded: the values go straight into the
 * open page's buffer. {@link #setLast} fills the value of the row added last (the chain
 * checkpoint, known only after its row).
 */
final class BytesLeaf extends Leaf {
    private final PageBytes values = new PageBytes();

    BytesLeaf(ColumnDescriptor d, int pageRows) {
        super(d, pageRows);
    }

    /** Bytes of the open page's values: the sink ends a payload page early past a limit. */
    int pageBytes() {
        return values.size();
    }

    /** A row's bytes or null (at most pageRows rows per page, the size of the arrays). */
    void add(byte[] b) {
        rows++;
        if (b == null) {
            n++;
            return;
        }
        setPresent(n++);
        values.int32(b.length);
        values.bytes(b, 0, b.length);
    }

    /** The value of the row added last (which was added as null). */
    void setLast(byte[] b) {
        setPresent(n - 1);
        values.int32(b.length);
        values.bytes(b, 0, b.length);
    }

    @Override
    Encoding values(PageBytes out) {
        out.bytes(values.array(), 0, values.size());
        return Encoding.PLAIN;
    }

    @Override
    Statistics<?> statistics(int nulls) {
        return Statistics.getBuilderForReading(descriptor.getPrimitiveType()).withNumNulls(nulls).build();
    }

    @Override
    DictionaryPage dictionary(Zstd z) {
        return null;
    }

    @Override
    void clearPage() {
        values.clear();
    }

    @Override
    void clearRowGroup() {
    }
}
