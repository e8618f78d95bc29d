package io.ccatrace.trace.parquet;

import io.ccatrace.trace.TraceEvent;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * An INT64 or INT32 leaf: a scalar column or the elements of a register list. Values are
 * DELTA_BINARY_PACKED (seq, time, cause_seq) or dictionary-encoded per row group, falling back
 * to PLAIN for the rest of the row group once the dictionary holds {@link #MAX_DICTIONARY}
 * values.
 */
final class LongLeaf extends Leaf {
    static final int MAX_DICTIONARY = 1 << 17;

    private final boolean int32;
    private final boolean delta;
    private final boolean optional;
    private final LongIds dictionary = new LongIds();
    private boolean plain;
    private long[] vals;
    private int[] ids = new int[1024];
    private int nvals;
    private DeltaEncoder deltaEncoder;

    private final int maxDictionary;

    LongLeaf(ColumnDescriptor d, boolean delta, int maxDictionary, int pageRows) {
        super(d, pageRows);
        this.vals = new long[pageRows];
        this.maxDictionary = maxDictionary;
        this.int32 = d.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32;
        this.delta = delta;
        this.optional = d.getMaxDefinitionLevel() > 0;
    }

    private void valueRoom(int k) {
        if (nvals + k > vals.length) vals = Arrays.copyOf(vals, Math.max(nvals + k, 2 * vals.length));
    }

    /**
     * A scalar row: {@link TraceEvent#NULL} is null (required columns store it as is). A page
     * has at most pageRows rows, the size of the arrays.
     */
    void add(long v) {
        rows++;
        if (optional) {
            if (v == TraceEvent.NULL) {
                n++;
                return;
            }
            setPresent(n);
        }
        n++;
        vals[nvals++] = v;
    }

    /** A list row: null (def 0), empty (def 1), or elements (def 2, rep 1 after the first). */
    void addList(long[] a) {
        rows++;
        if (a == null || a.length == 0) {
            levelRoom(1);
            reps[n] = 0;
            defs[n++] = a == null ? 0 : 1;
            return;
        }
        int k = a.length;
        levelRoom(k);
        valueRoom(k);
        int[] d = defs;
        int[] r = reps;
        int at = n;
        r[at] = 0;
        d[at] = 2;
        for (int i = 1; i < k; i++) {
            d[at + i] = 2;
            r[at + i] = 1;
        }
        n = at + k;
        long[] v = vals;
        int o = nvals;
        for (int i = 0; i < k; i++) v[o + i] = a[i];
        nvals = o + k;
    }

    @Override
    Encoding values(PageBytes out) {
        if (delta) {
            if (deltaEncoder == null) deltaEncoder = new DeltaEncoder();
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
                int width = HybridEncoder.idWidth(Math.max(0, dictionary.size() - 1));
                out.u8(width);
                HybridEncoder.encode(ids, nvals, width, out);
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
