package io.ccatrace.trace.parquet;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;

/**
 * The element leaf of a register list (args, out): an optional LIST of required INT64, so an
 * element has repetition level 1 after the first of its row and definition level 2; a null
 * list is one entry of definition level 0, an empty one of level 1. Rows keep only their
 * length (-1 for null) and their elements; the level arrays are built when the page ends.
 * Values are encoded as {@link LongLeaf}'s.
 */
final class ListLeaf extends LongLeaf {
    private static final int NULL = -1;

    private final int[] lens;
    private int[] reps;
    private int[] defs;

    ListLeaf(ColumnDescriptor d, int maxDictionary, int pageRows) {
        super(d, false, maxDictionary, pageRows, pageRows);
        this.lens = new int[pageRows];
        this.reps = new int[pageRows];
        this.defs = new int[pageRows];
    }

    /** Row r: null, empty, or its elements. */
    void add(int r, long[] a) {
        if (a == null) {
            lens[r] = NULL;
            return;
        }
        int k = a.length;
        lens[r] = k;
        if (k == 0) return;
        int o = nvals;
        if (o + k > vals.length) vals = Arrays.copyOf(vals, Math.max(o + k, 2 * vals.length));
        long[] v = vals;
        for (int i = 0; i < k; i++) v[o + i] = a[i];
        nvals = o + k;
    }

    @Override
    int levels(PageBytes out, int rows) {
        int n = nvals;
        for (int r = 0; r < rows; r++) {
            if (lens[r] <= 0) n++;
        }
        if (n > defs.length) {
            reps = new int[Math.max(n, 2 * defs.length)];
            defs = new int[reps.length];
        }
        int[] rep = reps;
        int[] def = defs;
        int at = 0;
        int empty = 0;
        for (int r = 0; r < rows; r++) {
            int k = lens[r];
            rep[at] = 0;
            if (k <= 0) {
                def[at++] = k == 0 ? 1 : 0;
                empty++;
                continue;
            }
            def[at] = 2;
            for (int i = 1; i < k; i++) {
                rep[at + i] = 1;
                def[at + i] = 2;
            }
            at += k;
        }
        int m = out.mark();
        HybridEncoder.encode(rep, n, 1, out);
        out.patchLength(m);
        m = out.mark();
        HybridEncoder.encode(def, n, 2, out);
        out.patchLength(m);
        nulls = empty;
        return n;
    }
}
