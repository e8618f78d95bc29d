package io.ccatrace.trace.parquet;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;

/**
 * The required BOOLEAN leaf (input): PLAIN, one bit per row, least significant bit first.
 * Rows are numbered by the caller.
 */
final class BoolLeaf extends Leaf {
    private final byte[] bits;

    BoolLeaf(ColumnDescriptor d, int pageRows) {
        super(d, pageRows);
        this.bits = new byte[(pageRows + 7) >>> 3];
    }

    /** Row r's value (rows of a page start all false). */
    void set(int r, boolean v) {
        if (v) bits[r >>> 3] |= (byte) (1 << (r & 7));
    }

    @Override
    Encoding values(PageBytes out) {
        out.bytes(bits, 0, (rows + 7) >>> 3);
        return Encoding.PLAIN;
    }

    @Override
    DictionaryPage dictionary(Zstd z) {
        return null;
    }

    @Override
    void clearPage() {
        Arrays.fill(bits, 0, (rows + 7) >>> 3, (byte) 0);
    }

    @Override
    void clearRowGroup() {
    }
}
