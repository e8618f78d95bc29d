package io.ccatrace.trace.chain;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;

/**
 * The format-1 event hash ({@link EventHash#of(io.ccatrace.trace.EventView, int)} with version 1) of every row of an {@link EventBatch}, computed column by column (each
 * column's values mixed into all rows' hashes in turn), which keeps the arrays streaming
 * and the rows' independent multiplications in flight together. The batch must hold every
 * hashed column. A test keeps it equal to the row hash. Format 2: {@link BatchHashV2}.
 */
public final class BatchHash {
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    private long[] h = new long[0];
    private long[] nameHash = new long[0];

    /** The hashes of rows 0..size-1 (an array reused by the next call). */
    public long[] of(EventBatch b) {
        int n = b.size();
        if (h.length < n) h = new long[n];
        long[] hs = h;
        java.util.Arrays.fill(hs, 0, n, P2);
        for (Column c : b.projected()) {
            switch (c.type()) {
                case LONG:
                case INT:
                    longs(hs, b.longs(c), n);
                    break;
                case KIND:
                    ints(hs, b.ids(c), n);
                    break;
                case NAME:
                    names(hs, b.ids(c), b.names(c), n);
                    break;
                case LONGS:
                    lists(hs, b.offsets(c), b.nulls(c), b.listValues(c), n);
                    break;
                case BYTES:
                    if (c == Column.PAYLOAD) bytes(hs, b.offsets(c), b.starts(c), b.nulls(c), b.bytes(c), n);
                    break;
                default:
                    break;
            }
        }
        for (int r = 0; r < n; r++) hs[r] = EventHash.fmix(hs[r]);
        return hs;
    }

    private static void longs(long[] hs, long[] v, int n) {
        for (int r = 0; r < n; r++) hs[r] = EventHash.mix(hs[r], v[r]);
    }

    private static void ints(long[] hs, int[] v, int n) {
        for (int r = 0; r < n; r++) hs[r] = EventHash.mix(hs[r], v[r]);
    }

    private void names(long[] hs, int[] ids, String[] dict, int n) {
        if (nameHash.length < dict.length + 1) nameHash = new long[dict.length + 1];
        long[] nh = nameHash;
        nh[0] = TraceEvent.NULL;
        for (int k = 0; k < dict.length; k++) nh[k + 1] = dict[k] == null ? TraceEvent.NULL : dict[k].hashCode();
        for (int r = 0; r < n; r++) hs[r] = EventHash.mix(hs[r], nh[ids[r] + 1]);
    }

    private static void lists(long[] hs, int[] off, boolean[] nulls, long[] v, int n) {
        for (int r = 0; r < n; r++) {
            if (nulls[r]) {
                hs[r] = EventHash.mix(hs[r], TraceEvent.NULL);
                continue;
            }
            long x = EventHash.mix(hs[r], off[r + 1] - off[r]);
            for (int k = off[r]; k < off[r + 1]; k++) x = EventHash.mix(x, v[k]);
            hs[r] = x;
        }
    }

    private static void bytes(long[] hs, int[] off, int[] starts, boolean[] nulls, byte[] v, int n) {
        for (int r = 0; r < n; r++) {
            if (nulls[r]) {
                hs[r] = EventHash.mix(hs[r], TraceEvent.NULL);
                continue;
            }
            long x = EventHash.mix(hs[r], off[r + 1] - off[r]);
            int from = starts[r];
            for (int k = from; k < from + off[r + 1] - off[r]; k++) x = EventHash.mix(x, v[k] & 0xFF);
            hs[r] = x;
        }
    }
}
