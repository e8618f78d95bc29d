package io.ccatrace.trace.chain;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The format-2 {@link EventHash} of every row of an {@link EventBatch}, computed column by
 * column: each row keeps its four lanes and its word count, and every column's non-null
 * values are mixed into the lane their word position selects. The batch must hold every
 * hashed column. A test keeps it equal to {@link EventHash#of}.
 */
public final class BatchHashV2 {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private long[] nameWords = new long[0];
    private long[] lanes = new long[0];
    private int[] words = new int[0];
    private long[] h = new long[0];

    /** The hashes of rows 0..size-1 (an array reused by the next call). */
    public long[] of(EventBatch b) {
        int n = b.size();
        if (h.length < n) {
            h = new long[n];
            words = new int[n];
            lanes = new long[4 * n];
        }
        for (int r = 0; r < n; r++) {
            words[r] = 0;
            for (int j = 0; j < 4; j++) lanes[4 * r + j] = (j + 1) * EventHash.P1;
        }
        for (Column c : b.projected()) {
            if (c == Column.INPUT || c == Column.CHAIN) continue;
            long k = EventHash.key(c);
            switch (c.type()) {
                case LONG:
                case INT:
                    if (b.isSparse(c)) present(b.present(c), b.sparseLongs(c), k, n);
                    else longs(b.longs(c), k, c.nullable(), n);
                    break;
                case KIND:
                    int[] kind = b.ids(c);
                    for (int r = 0; r < n; r++) add(r, kind[r] ^ k);
                    break;
                case NAME:
                    if (b.isSparse(c)) presentNames(b.present(c), b.sparseIds(c), b.names(c), k, n);
                    else names(b.ids(c), b.names(c), k, n);
                    break;
                case LONGS:
                    lists(b.offsets(c), b.nulls(c), b.listValues(c), k, n);
                    break;
                default:
                    bytes(b.offsets(c), b.starts(c), b.nulls(c), b.bytes(c), k, n);
            }
        }
        for (int r = 0; r < n; r++) {
            int o = 4 * r;
            h[r] = EventHash.fmix(words[r] * EventHash.P2 ^ lanes[o] ^ Long.rotateLeft(lanes[o + 1], 16)
                    ^ Long.rotateLeft(lanes[o + 2], 32) ^ Long.rotateLeft(lanes[o + 3], 48));
        }
        return h;
    }

    private void add(int r, long w) {
        int i = 4 * r + (words[r]++ & 3);
        lanes[i] = EventHash.mix(lanes[i], w);
    }

    private void longs(long[] v, long k, boolean nullable, int n) {
        for (int r = 0; r < n; r++) {
            if (!nullable || v[r] != TraceEvent.NULL) add(r, v[r] ^ k);
        }
    }

    /**
     * A sparse LONG/INT column: the present rows only, from their bitmap (the batch's dense
     * form is not made: another thread may read the batch).
     */
    private void present(long[] bits, long[] values, long k, int n) {
        int i = 0;
        for (int w = 0, words = (n + 63) >>> 6; w < words; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) add((w << 6) | Long.numberOfTrailingZeros(b), values[i++] ^ k);
        }
    }

    /** A sparse NAME column (ids into dict), as {@link #present}. */
    private void presentNames(long[] bits, int[] ids, String[] dict, long k, int n) {
        long[] table = nameWords(dict, k, n);
        int i = 0;
        for (int w = 0, words = (n + 63) >>> 6; w < words; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) add((w << 6) | Long.numberOfTrailingZeros(b), word(table, dict, ids[i++], k));
        }
    }

    private void names(int[] ids, String[] dict, long k, int n) {
        long[] table = nameWords(dict, k, n);
        for (int r = 0; r < n; r++) {
            if (ids[r] >= 0) add(r, word(table, dict, ids[r], k));
        }
    }

    /**
     * Each name's word (its hash code xored with k), worked out once per batch rather than a
     * String read per row; null for a dictionary bigger than the batch (then per row).
     */
    private long[] nameWords(String[] dict, long k, int n) {
        if (dict.length > n) return null;
        if (nameWords.length < dict.length) nameWords = new long[Math.max(dict.length, 2 * nameWords.length)];
        long[] words = nameWords;
        for (int i = 0; i < dict.length; i++) words[i] = dict[i] == null ? 0 : dict[i].hashCode() ^ k;
        return words;
    }

    private static long word(long[] table, String[] dict, int id, long k) {
        return table != null ? table[id] : dict[id].hashCode() ^ k;
    }

    private void lists(int[] off, boolean[] nulls, long[] v, long k, int n) {
        for (int r = 0; r < n; r++) {
            if (nulls[r]) continue;
            add(r, (off[r + 1] - off[r]) ^ k);
            for (int i = off[r]; i < off[r + 1]; i++) add(r, v[i]);
        }
    }

    private void bytes(int[] off, int[] starts, boolean[] nulls, byte[] v, long k, int n) {
        for (int r = 0; r < n; r++) {
            if (nulls[r]) continue;
            int from = starts[r];
            int to = from + off[r + 1] - off[r];
            add(r, (to - from) ^ k);
            int i = from;
            for (; i + 8 <= to; i += 8) add(r, (long) LE_LONG.get(v, i));
            if (i < to) {
                long w = 0;
                for (int j = to - 1; j >= i; j--) w = (w << 8) | (v[j] & 0xFF);
                add(r, w);
            }
        }
    }
}
