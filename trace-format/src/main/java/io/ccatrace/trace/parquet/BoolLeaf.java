package io.ccatrace.trace.parquet;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;

/** The required BOOLEAN leaf (input): PLAIN, one bit per row, least significant bit first. */
final class BoolLeaf extends Leaf {
    private byte[] bits = new byte[1024];

    BoolLeaf(ColumnDescriptor d, int pageRows) {
        super(d, pageRows);
    }

    void add(boolean v) {
        if ((rows >>> 3) == bits.length) bits = Arrays.copyOf(bits, 2 * bits.length);
        if (v) bits[rows >>> 3] |= (byte) (1 << (rows & 7));
        rows++;
        n++;
    }

    @Override
    Encoding values(PageBytes out) {
        out.bytes(bits, 0, (rows + 7) >>> 3);
        return Encoding.PLAIN;
    }

    @Override
    Statistics<?> statistics(int nulls) {
        return Statistics.getBuilderForReading(descriptor.getPrimitiveType()).withNumNulls(0).build();
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
