package io.ccatrace.trace.parquet;

import io.ccatrace.trace.TraceEvent;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * An INT64 or INT32 scalar leaf (the elements of a register list: {@link ListLeaf}). Values
 * are DELTA_BINARY_PACKED (seq, time, cause_seq) or dictionary-encoded per row group, falling
 * back to PLAIN for the rest of the row group once the dictionary holds {@link #MAX_DICTIONARY}
 * values. Rows are numbered by the caller: a required leaf's (and a list's) by the sink's row in
 * the open page, an optional scalar leaf's by the row in the row group ({@link #spans}).
 */
class LongLeaf extends Leaf {
    static final int MAX_DICTIONARY = 1 << 17;

    private final boolean int32;
    private final boolean delta;
    private final boolean optional;
    private final LongIds dictionary = new LongIds();
    private boolean plain;
    /** The open page's values (present rows only, in row order). */
    long[] vals;
    int nvals;
    private int[] ids = new int[1024];
    private DeltaEncoder deltaEncoder;
    /** DELTA_BINARY_PACKED widths rounded to whole bytes ({@link DeltaEncoder#DeltaEncoder(boolean)}). */
    private boolean byteDeltas;

    private final int maxDictionary;

    /**
     * @param levelRows rows of a row group for an optional scalar leaf (its pages may span several
     *                  of the sink's pages, {@link #spans}), else rows of a page
     */
    LongLeaf(ColumnDescriptor d, boolean delta, int maxDictionary, int pageRows, int levelRows) {
        super(d, levelRows);
        this.vals = new long[pageRows];
        this.maxDictionary = maxDictionary;
        this.int32 = d.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32;
        this.delta = delta;
        this.optional = d.getMaxDefinitionLevel() > 0;
    }

    /** Packs the deltas of a DELTA_BINARY_PACKED leaf in whole bytes (time). */
    LongLeaf byteDeltas() {
        byteDeltas = true;
        return this;
    }

    /** Optional scalar leaves (not lists) keep a sparse page open across the sink's pages. */
    @Override
    boolean spans() {
        return optional && descriptor.getMaxRepetitionLevel() == 0;
    }

    @Override
    boolean keepOpen(int pageRows) {
        if (nvals >= pageRows) return false;
        if (vals.length < nvals + pageRows) vals = Arrays.copyOf(vals, nvals + pageRows);
        return true;
    }

    /** Row r of a required leaf (seq, time): every row has a value. */
    final void set(int r, long v) {
        vals[r] = v;
    }

    /** Row r of an optional leaf: {@link TraceEvent#NULL} is null. */
    final void add(int r, long v) {
        if (v != TraceEvent.NULL) {
            present[r >>> 6] |= 1L << r;
            vals[nvals++] = v;
        }
    }

    /** Row r of an optional INT32 leaf: {@link TraceEvent#NULL_INT} is null. */
    final void add(int r, int v) {
        if (v != TraceEvent.NULL_INT) {
            present[r >>> 6] |= 1L << r;
            vals[nvals++] = v;
        }
    }

    @Override
    Encoding values(PageBytes out) {
        if (!optional) nvals = rows;
        if (delta) {
            if (deltaEncoder == null) deltaEncoder = new DeltaEncoder(byteDeltas);
            deltaEncoder.encode(vals, nvals, out);
            return Encoding.DELTA_BINARY_PACKED;
        }
        if (!plain && nvals > 0) {
            if (ids.length < nvals) ids = new int[Math.max(nvals, 2 * ids.length)];
            long[] v = vals;
            int[] k = ids;
            long last = v[0];
            int lastId = dictionary.idOf(last);
            for (int i = 0; i < nvals; i++) {
                long x = v[i];
                if (x != last) {
                    last = x;
                    lastId = dictionary.idOf(x);
                }
                k[i] = lastId;
            }
            if (dictionary.size() <= maxDictionary) {
                dictionaryIds(ids, nvals, dictionary.size(), out);
                return Encoding.PLAIN_DICTIONARY;
            }
            plain = true;
        }
        plainValues(vals, nvals, out);
        return Encoding.PLAIN;
    }

    private void plainValues(long[] v, int count, PageBytes out) {
        for (int i = 0; i < count; i++) {
            if (int32) out.int32((int) v[i]); else out.int64(v[i]);
        }
    }

    @Override
    Statistics<?> statistics(int nulls) {
        Statistics.Builder b = Statistics.getBuilderForReading(descriptor.getPrimitiveType()).withNumNulls(nulls);
        if (nvals > 0) {
            long min = vals[0];
            long max = vals[0];
            for (int i = 1; i < nvals; i++) {
                long v = vals[i];
                if (v < min) min = v;
                if (v > max) max = v;
            }
            b.withMin(bytes(min)).withMax(bytes(max));
        }
        return b.build();
    }

    /** The PLAIN (little-endian) bytes of a statistics value. */
    private byte[] bytes(long v) {
        byte[] b = new byte[int32 ? 4 : 8];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    @Override
    DictionaryPage dictionary(Zstd z) {
        if (delta || dictionary.size() == 0) return null;
        PageBytes p = new PageBytes();
        plainValues(dictionary.values(), dictionary.size(), p);
        return dictionaryPage(z, p, dictionary.size());
    }

    @Override
    void clearPage() {
        nvals = 0;
    }

    @Override
    void clearRowGroup() {
        dictionary.clear();
        plain = false;
    }
}
